-- An owner's invitation is answered alike whether or not a learner has the id (issue 18), and what
-- the owner then sees of the team must not tell them apart either: so an invitation may name an id
-- no learner has. It takes effect only when a learner with that id accepts it (only an existing
-- learner can). An admin still adds existing learners only, so every 'member' row is a learner.
-- Erasing a learner deletes their rows in the erasing transaction (Teams observes LearnerErased),
-- which the ON DELETE CASCADE of this constraint used to do.
ALTER TABLE team_member DROP CONSTRAINT team_member_learner_id_fkey;
