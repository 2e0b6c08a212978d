-- An attempt in progress is finished under the rules it started with (issue 12): a published edit of a quiz may
-- change answer keys, weights, question and option texts while someone is answering. Every import that changes a
-- quiz's bank keeps a snapshot of the whole bank (questions and options, retired ones included, as JSON the quiz
-- package reads); the quiz points at its current snapshot and an attempt at the one it was drawn from, which it
-- is shown, graded and reviewed with. Question and option ids stay the rows' (kept by key), so statistics are unchanged.
create table quiz_bank_version (
    id         bigint generated always as identity primary key,
    quiz_id    bigint      not null references quiz (id),
    created_at timestamptz not null default now(),
    content    jsonb       not null
);
create index quiz_bank_version_quiz on quiz_bank_version (quiz_id);

alter table quiz add column bank_version_id bigint references quiz_bank_version (id);
-- null for attempts started before this column (and for rows written by hand, e.g. bench seeds): they use the quiz's
alter table quiz_attempt add column bank_version_id bigint references quiz_bank_version (id);

-- the banks as they stand now, in the shape vn.hocso.quiz.BankSnapshot reads
insert into quiz_bank_version (quiz_id, content)
select q.id, jsonb_build_object(
    'questions', coalesce((
        select jsonb_agg(jsonb_build_object(
                   'id', qq.id, 'key', qq.key, 'type', qq.type, 'weight', qq.weight,
                   'stemVi', qq.stem_vi, 'stemEn', qq.stem_en, 'feedbackVi', qq.feedback_vi,
                   'feedbackEn', qq.feedback_en, 'tags', to_jsonb(qq.tags), 'accepted', to_jsonb(qq.accepted),
                   'retired', qq.retired) order by qq.position, qq.id)
        from quiz_question qq where qq.quiz_id = q.id), '[]'::jsonb),
    'options', coalesce((
        select jsonb_agg(jsonb_build_object(
                   'id', o.id, 'questionId', o.question_id, 'key', o.key, 'textVi', o.text_vi,
                   'textEn', o.text_en, 'correct', o.correct, 'retired', o.retired)
                   order by o.question_id, o.position, o.id)
        from quiz_option o join quiz_question qq on qq.id = o.question_id where qq.quiz_id = q.id), '[]'::jsonb))
from quiz q;

update quiz set bank_version_id = v.id from quiz_bank_version v where v.quiz_id = quiz.id;
-- attempts under way now were drawn from what is the current bank as far as anyone can tell
update quiz_attempt a set bank_version_id = q.bank_version_id from quiz q where q.id = a.quiz_id and a.status = 'open';
