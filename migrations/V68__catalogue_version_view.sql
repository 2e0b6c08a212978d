-- The catalogue's version (V67) as the course feature publishes it to others: a signed-in visit of a course or
-- lesson page (catalog.SignedInCoursePages, learning.SignedInLessonPages through catalog.Standing) reads it in the
-- same statement as where the learner stands, to know whether the parts kept of the page are still current.
create view catalogue_version_now as
select version from catalogue_version where id = 1;
