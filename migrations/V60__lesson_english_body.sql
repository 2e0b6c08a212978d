-- A text lesson's English body, when its trainer wrote one (lessons/<name>.en.md beside the Vietnamese file);
-- null: the lesson is in Vietnamese only, and English pages say so.
alter table lesson add column body_html_en text;
