-- An attempt is finished under the rules it started with (issue 12): a published edit of the quiz may change the
-- pass mark while someone is answering, so the attempt keeps the mark of its start (its deadline was already fixed
-- then, and its questions and option order too). Null for attempts started before this column: they use the quiz's.
alter table quiz_attempt add column pass_percent int check (pass_percent between 0 and 100);
