package store

import "strings"

// The current state of each project's funds (invest_project_funds,
// migration 0022): its counted funds in place (rule 3's sources with
// evidence, less the reductions of verifications) and the sum of all its
// current funds rows, kept up to date in the transaction of every change
// that moves them (a funds import, a verification, a settlement), so that
// the ledger's pages read one row per project instead of summing its
// funds rows per page row and per filtered project. It also holds the
// amount (协议投资额) of the project's current version (migration 0024),
// kept by the projects' imports (setProjectFundsAmounts), so that the
// over-funded filter reads the partial index of counted > amount.

// projectFundsRows is the SQL of the state of the projects whose ids the
// subquery %s lists: counted and total per project, from the current funds
// rows and the verifications' reductions.
const projectFundsRows = `SELECT project_id, SUM(counted) AS counted, SUM(total) AS total FROM (
		SELECT f.project_id, CASE WHEN f.evidence <> '' AND f.source IN ('股东出资', '企业自有', '外地金融机构')
			THEN f.amount ELSE 0 END AS counted, f.amount AS total
		FROM invest_funds f WHERE f.superseded_by IS NULL AND f.project_id IN (%[1]s)
		UNION ALL
		SELECT v.project_id, -v.reduction, 0 FROM invest_verifications v WHERE v.project_id IN (%[1]s)) x
	GROUP BY project_id`

// refreshProjectFunds recomputes the state of the projects that ids (a
// subquery of project_id, with args) lists; "" recomputes every project's
// in one pass over the funds rows, which a large import does (a lookup per
// listed project costs more from about 10,000 rows on).
func (t *txn) refreshProjectFunds(ids string, args ...any) error {
	del, rows := `DELETE FROM invest_project_funds WHERE project_id IN (`+ids+`)`, strings.ReplaceAll(projectFundsRows, "%[1]s", ids)
	if ids == "" {
		del = `DELETE FROM invest_project_funds`
		rows = strings.ReplaceAll(strings.ReplaceAll(projectFundsRows, " AND f.project_id IN (%[1]s)", ""), " WHERE v.project_id IN (%[1]s)", "")
	}
	if _, err := t.Exec(del, args...); err != nil {
		return err
	}
	_, err := t.Exec(`INSERT INTO invest_project_funds (project_id, counted, total, amount)
		SELECT y.project_id, y.counted, y.total, COALESCE((SELECT p.amount FROM invest_projects p
			WHERE p.project_id = y.project_id AND p.superseded_by IS NULL), 0) FROM (`+rows+`) y`, args...)
	return err
}

// setProjectFundsAmounts copies the amounts of the project versions of
// revision rev into their projects' funds state.
func (t *txn) setProjectFundsAmounts(rev int64) error {
	_, err := t.Exec(`UPDATE invest_project_funds SET amount = (SELECT n.amount FROM invest_projects n
		WHERE n.revision_id = $1 AND n.project_id = invest_project_funds.project_id)
		WHERE project_id IN (SELECT project_id FROM invest_projects WHERE revision_id = $1)`, rev)
	return err
}

func init() {
	dumpTables = append(dumpTables, dumpTable{"invest_project_funds", "project_id, counted, total, amount", "siii", "project_id", false})
}
