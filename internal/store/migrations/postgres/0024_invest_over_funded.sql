-- The ledger's over-funded filter and deep pages at scale (issue 17): with 100,000
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

-- A page of the ledger skips the projects of the pages before it in the
-- order of their 项目编号, reading the stage and county of each for the
-- visibility of talks (invest_browse.go): this index holds them, so that a
-- deep page (the 1,000th of 2,000) reads the index alone.
CREATE INDEX invest_projects_page ON invest_projects (project_id, stage, county, superseded_by)
	WHERE superseded_by IS NULL;

-- The office's review lists the projects whose county changed (a
-- settlement moved them, or an import): a lookup of older versions per
-- current project. Each version now records the county of the latest
-- older version in another county (moved_from, '' when none), set by the
-- import that writes it (invest_ledger.go), and the current moved ones
-- are listed by a partial index.
ALTER TABLE invest_projects ADD COLUMN moved_from TEXT NOT NULL DEFAULT '';
UPDATE invest_projects SET moved_from = COALESCE((SELECT o.county FROM invest_projects o
	WHERE o.project_id = invest_projects.project_id AND o.revision_id < invest_projects.revision_id
		AND o.county <> invest_projects.county ORDER BY o.revision_id DESC LIMIT 1), '')
WHERE superseded_by IS NULL AND EXISTS (SELECT 1 FROM invest_projects o WHERE o.project_id = invest_projects.project_id
	AND o.revision_id < invest_projects.revision_id AND o.county <> invest_projects.county);
CREATE INDEX invest_projects_moved ON invest_projects (project_id) WHERE superseded_by IS NULL AND moved_from <> '';

-- The map counts the current projects by county, zone, stage, industry
-- and chain node (invest_map.go): in this index's order, with the amounts,
-- without sorting 100,000 rows.
CREATE INDEX invest_projects_map ON invest_projects (county, zone, stage, industry, chain_node, amount, superseded_by)
	WHERE superseded_by IS NULL;
