//! A council's guide of local resources (services, mutual-aid groups, associations): what
//! each is, where, when, how to reach it and how accessible it is, in plain and easy-read
//! words. It completes the few lines of local help beside the crisis numbers.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(LocalResource::Table)
                    .col(pk_auto(LocalResource::Id).big_integer())
                    .col(big_integer(LocalResource::CouncilId))
                    .col(string_len(LocalResource::Kind, 16))
                    .col(string_len(LocalResource::Name, 200))
                    .col(text(LocalResource::Description))
                    .col(text(LocalResource::DescriptionEasy))
                    .col(string_len(LocalResource::Address, 400))
                    .col(string_len(LocalResource::Hours, 400))
                    .col(string_len(LocalResource::Phone, 40))
                    .col(string_len(LocalResource::Website, 400))
                    .col(string_len(LocalResource::Accessibility, 600))
                    .foreign_key(
                        ForeignKey::create()
                            .from(LocalResource::Table, LocalResource::CouncilId)
                            .to(Council::Table, Council::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(LocalResource::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Council {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum LocalResource {
    Table,
    Id,
    CouncilId,
    Kind,
    Name,
    Description,
    DescriptionEasy,
    Address,
    Hours,
    Phone,
    Website,
    Accessibility,
}
