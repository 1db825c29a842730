//! Integration tests: the real server on port 0, a fresh database per test.

mod answers;
mod assemblies;
mod database;
mod diagnosis;
mod evidence;
mod hosting;
mod live;
mod pages;
mod polls;
mod preferences;
mod privacy;
mod protection;
mod resources;
mod roles;
mod screen;
mod security;
mod staff;
mod survey_pages;
mod surveys;
mod team;
mod testimonies;
mod testimony_audio;
mod testimony_pages;
mod testimony_privacy;
mod vote_pages;
mod votes;
