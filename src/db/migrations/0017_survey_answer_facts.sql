-- The satisfaction report's answers per question (kept informed, speed, fairness; the overall
-- score is complaint_facts.satisfaction): one narrow row per rated complaint, so a year's report
-- reads them by key beside its facts rows instead of each complaint's ~1 kB row and its JSON.
--
-- A table of its own rather than columns of complaint_facts: this migration sorts before 0018,
-- which creates complaint_facts, so on a new database it runs first, and on one that already has
-- 0018 it runs after; it reads only the complaints (0001) and their answers (0012), which both
-- orders have. Kept by a trigger in the transaction that writes the answers, like 0018's; the
-- answers are not personal data, so anonymisation leaves them (and the report) as they were.

create table survey_answer_facts (
  complaint_id   bigint primary key references complaints (id) on delete cascade,
  kept_informed  smallint,
  speed          smallint,
  fairness       smallint
);

create function survey_answer_facts_sync() returns trigger language plpgsql as $$
begin
  if new.satisfaction_answers is null then
    delete from survey_answer_facts where complaint_id = new.id;
    return null;
  end if;
  insert into survey_answer_facts (complaint_id, kept_informed, speed, fairness)
  values (new.id, (new.satisfaction_answers->>'keptInformed')::smallint,
          (new.satisfaction_answers->>'speed')::smallint,
          (new.satisfaction_answers->>'fairness')::smallint)
  on conflict (complaint_id) do update set
    (kept_informed, speed, fairness) = (excluded.kept_informed, excluded.speed, excluded.fairness);
  return null;
end;
$$;
-- Every save of a complaint names the column (coalesce($n, satisfaction_answers)): the WHEN
-- keeps the trigger to the writes that change the answers.
create trigger survey_answer_facts_insert after insert on complaints
  for each row when (new.satisfaction_answers is not null)
  execute function survey_answer_facts_sync();
create trigger survey_answer_facts_update after update of satisfaction_answers on complaints
  for each row when (old.satisfaction_answers is distinct from new.satisfaction_answers)
  execute function survey_answer_facts_sync();

insert into survey_answer_facts (complaint_id, kept_informed, speed, fairness)
select id, (satisfaction_answers->>'keptInformed')::smallint,
  (satisfaction_answers->>'speed')::smallint, (satisfaction_answers->>'fairness')::smallint
from complaints where satisfaction_answers is not null;
