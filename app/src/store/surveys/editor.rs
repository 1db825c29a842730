//! Writing a survey: created with its sections, questions and options all or nothing, then
//! questions added or removed while it is a draft.

use super::*;
use sea_orm::DatabaseTransaction;

/// Checks and stores a new survey (a draft) with its sections, questions and options, all
/// or nothing; in the audit log.
pub async fn create_survey(db: &DatabaseConnection, new: &NewSurvey) -> Result<i64, SurveyError> {
    let refuse = |field: &str, why| Err(SurveyError::Refused(field.to_owned(), why));
    let title = new.title.plain.trim();
    if title.is_empty() || title.chars().count() > SURVEY_TITLE_MAX {
        return refuse("title", SurveyRefusal::Title);
    }
    if new.title.easy.chars().count() > SURVEY_TITLE_MAX
        || new.intro.plain.chars().count() > SURVEY_INTRO_MAX
        || new.intro.easy.chars().count() > SURVEY_INTRO_MAX
    {
        return refuse("intro", SurveyRefusal::IntroTooLong);
    }
    for (s, (_, questions)) in new.sections.iter().enumerate() {
        for (q, question) in questions.iter().enumerate() {
            if let Err((field, message)) = question.check() {
                return refuse(&format!("q{s}.{q}.{field}"), SurveyRefusal::Rule(message));
            }
        }
    }
    let txn = crate::store::begin_write(db).await?;
    let survey_id = survey::ActiveModel {
        council_id: Set(new.council_id),
        title: Set(title.to_owned()),
        title_easy: Set(new.title.easy.trim().to_owned()),
        intro: Set(new.intro.plain.trim().to_owned()),
        intro_easy: Set(new.intro.easy.trim().to_owned()),
        state: Set(SurveyState::Draft.key().to_owned()),
        one_per_person: Set(new.one_per_person),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?
    .id;
    for (s, (section_title, questions)) in new.sections.iter().enumerate() {
        let section_id = survey_section::ActiveModel {
            survey_id: Set(survey_id),
            position: Set(position(s)),
            title: Set(section_title.plain.trim().to_owned()),
            title_easy: Set(section_title.easy.trim().to_owned()),
            ..Default::default()
        }
        .insert(&txn)
        .await?
        .id;
        for (q, question) in questions.iter().enumerate() {
            insert_question(&txn, survey_id, section_id, position(q), question).await?;
        }
    }
    let detail = audit_detail(&[("survey", &survey_id.to_string())]);
    record_audit(
        &txn,
        Some(new.council_id),
        new.by,
        "survey-created",
        &detail,
    )
    .await?;
    txn.commit().await?;
    Ok(survey_id)
}

/// A question and its options (blank ones left out), at `position` in its survey.
async fn insert_question(
    txn: &DatabaseTransaction,
    survey_id: i64,
    section_id: i64,
    position: i32,
    question: &QuestionDraft,
) -> Result<i64, DbErr> {
    let question_id = survey_question::ActiveModel {
        survey_id: Set(survey_id),
        section_id: Set(section_id),
        position: Set(position),
        kind: Set(question.kind.key().to_owned()),
        prompt: Set(question.prompt.plain.trim().to_owned()),
        prompt_easy: Set(question.prompt.easy.trim().to_owned()),
        required: Set(question.required),
        profile: Set(question.profile.map(|p| p.key().to_owned())),
        ..Default::default()
    }
    .insert(txn)
    .await?
    .id;
    let options = question
        .options
        .iter()
        .filter(|o| !o.plain.trim().is_empty());
    for (o, option) in options.enumerate() {
        survey_option::ActiveModel {
            question_id: Set(question_id),
            position: Set(self::position(o)),
            label: Set(option.plain.trim().to_owned()),
            label_easy: Set(option.easy.trim().to_owned()),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(question_id)
}

pub(super) fn position(index: usize) -> i32 {
    i32::try_from(index).unwrap_or(i32::MAX)
}

/// The survey `id` of the council if it is still a draft (questions can change).
pub(super) async fn draft_of(
    txn: &impl ConnectionTrait,
    council_id: i64,
    id: i64,
) -> Result<survey::Model, SurveyError> {
    let row = survey::Entity::find_by_id(id)
        .filter(survey::Column::CouncilId.eq(council_id))
        .one(txn)
        .await?
        .ok_or(SurveyError::NotFound)?;
    if row.state != SurveyState::Draft.key() {
        return Err(SurveyError::Refused(
            "state".into(),
            SurveyRefusal::NotDraft,
        ));
    }
    Ok(row)
}

/// Adds a question at the end of a draft survey, in the section titled `section` (created
/// at the end when no section has that title); in the audit log.
pub async fn add_question(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    section: &Wording,
    question: &QuestionDraft,
    by: Option<i64>,
) -> Result<i64, SurveyError> {
    let section_title = section.plain.trim();
    if section_title.is_empty() || section_title.chars().count() > SURVEY_TITLE_MAX {
        return Err(SurveyError::Refused(
            "section".into(),
            SurveyRefusal::SectionTitle,
        ));
    }
    if let Err((field, message)) = question.check() {
        return Err(SurveyError::Refused(
            field.to_owned(),
            SurveyRefusal::Rule(message),
        ));
    }
    let txn = crate::store::begin_write(db).await?;
    draft_of(&txn, council_id, id).await?;
    let sections = survey_section::Entity::find()
        .filter(survey_section::Column::SurveyId.eq(id))
        .order_by_asc(survey_section::Column::Position)
        .all(&txn)
        .await?;
    let section_id = match sections
        .iter()
        .find(|s| s.title.to_lowercase() == section_title.to_lowercase())
    {
        Some(existing) => existing.id,
        None => {
            survey_section::ActiveModel {
                survey_id: Set(id),
                position: Set(position(sections.len())),
                title: Set(section_title.to_owned()),
                title_easy: Set(section.easy.trim().to_owned()),
                ..Default::default()
            }
            .insert(&txn)
            .await?
            .id
        }
    };
    let count = survey_question::Entity::find()
        .filter(survey_question::Column::SurveyId.eq(id))
        .count(&txn)
        .await?;
    let at = i32::try_from(count).unwrap_or(i32::MAX);
    let question_id = insert_question(&txn, id, section_id, at, question).await?;
    let detail = audit_detail(&[("survey", &id.to_string())]);
    record_audit(&txn, Some(council_id), by, "survey-question-added", &detail).await?;
    txn.commit().await?;
    Ok(question_id)
}

/// Removes a question (and its options) from a draft survey; an emptied section goes too.
pub async fn remove_question(
    db: &DatabaseConnection,
    council_id: i64,
    id: i64,
    question_id: i64,
    by: Option<i64>,
) -> Result<(), SurveyError> {
    let txn = crate::store::begin_write(db).await?;
    draft_of(&txn, council_id, id).await?;
    let question = survey_question::Entity::find_by_id(question_id)
        .filter(survey_question::Column::SurveyId.eq(id))
        .one(&txn)
        .await?
        .ok_or(SurveyError::NotFound)?;
    survey_option::Entity::delete_many()
        .filter(survey_option::Column::QuestionId.eq(question_id))
        .exec(&txn)
        .await?;
    survey_question::Entity::delete_by_id(question_id)
        .exec(&txn)
        .await?;
    let left = survey_question::Entity::find()
        .filter(survey_question::Column::SectionId.eq(question.section_id))
        .count(&txn)
        .await?;
    if left == 0 {
        survey_section::Entity::delete_by_id(question.section_id)
            .exec(&txn)
            .await?;
    }
    let detail = audit_detail(&[("survey", &id.to_string())]);
    record_audit(
        &txn,
        Some(council_id),
        by,
        "survey-question-removed",
        &detail,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
