-- The scheduling view (调度) at scale (issue 17: 100 ms for 100,000
-- projects). It counts the key projects of a scope, those with a 包抓
-- leader and those behind schedule on a day, and pages the latter by their
-- missed contract date (store.FollowupSchedule); the province's 75,000 key
-- projects used to be read into Go and judged one by one (3 s). This index
-- of the current original projects holds what that query reads of them:
-- by county (a county or a prefecture is a range of it), the amount, the
-- dates and the 项目编号. SQLite reads the province from it alone (150 ms
-- of table lookups without it); PostgreSQL, which scans the table for the
-- province, reads a county's or a prefecture's range. It ends with the
-- columns of its WHERE clause, which SQLite needs to see to read the index
-- alone.
CREATE INDEX invest_projects_schedule ON invest_projects (county, terminated, amount, signed, contract_start, actual_start,
	contract_prod, actual_prod, project_id, superseded_by, increase_of) WHERE superseded_by IS NULL AND increase_of = '';
