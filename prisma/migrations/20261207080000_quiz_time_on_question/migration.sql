-- Time per quiz question is the time the question was on the learner's screen, summed over visits, as the
-- quiz page reports it (first sight to the last change of the answer missed the time spent after it, and
-- counted the time spent on other questions between a first look and a later change).
ALTER TABLE "Response" ADD COLUMN "timeOnMs" INTEGER;
