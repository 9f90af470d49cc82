-- The ledger's over-funded filter at scale (issue 17): with 100,000
-- projects, comparing every project's counted funds with its contract
-- amount took a lookup per project on every page of the filter. The state
-- of each project's funds (invest_project_funds, 0022) now also holds the
-- amount of the project's current version, kept by the projects' imports
-- as its funds by theirs (invest_project_funds.go), and a partial index
-- lists the projects whose counted funds exceed it: the filter reads those
-- alone.
ALTER TABLE invest_project_funds ADD COLUMN amount BIGINT NOT NULL DEFAULT 0;
UPDATE invest_project_funds SET amount = COALESCE((SELECT p.amount FROM invest_projects p
	WHERE p.project_id = invest_project_funds.project_id AND p.superseded_by IS NULL), 0);
CREATE INDEX invest_project_funds_over ON invest_project_funds (project_id) WHERE counted > amount;
