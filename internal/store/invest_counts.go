package store

// The current projects counted by county, stage and year of signing
// (invest_project_counts, migration 0023), rebuilt by every change of the
// projects (an import, a settlement) in its transaction: the ledger page's
// count of projects, without a search or the over-funded filter, sums a
// few hundred rows of it instead of counting up to 100,000 projects.

// rebuildProjectCounts recounts the current projects inside t.
func (t *txn) rebuildProjectCounts() error {
	if _, err := t.Exec(`DELETE FROM invest_project_counts`); err != nil {
		return err
	}
	_, err := t.Exec(`INSERT INTO invest_project_counts (county, stage, signed_year, projects)
		SELECT county, stage, signed / 10000, COUNT(*) FROM invest_projects WHERE superseded_by IS NULL
		GROUP BY county, stage, signed / 10000`)
	return err
}
