package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/invest"
)

func init() {
	dumpTables = append(dumpTables, dumpTable{"invest_verifications",
		"id, revision_id, project_id, month, reduction, reason, verified_at, by_user", "iisiists", "id", true})
}

// InvestVerification is a reduction (核减) of a project's counted funds of
// a month found by random verification (抽查核实).
type InvestVerification struct {
	ID         int64
	Revision   int64
	ProjectID  string
	Month      invest.Month
	Reduction  invest.Amount
	Reason     string
	VerifiedAt time.Time
	By         string
}

// addVerifications adds the reductions recorded by revision rev (0: all)
// to l as negative counted funds rows of their projects and months.
func (t *txn) addVerifications(l *invest.Ledger, index map[string]int, rev int64) error {
	rows, err := t.QueryContext(t.ctx, `SELECT project_id, month, reduction FROM invest_verifications
		WHERE $1 = 0 OR revision_id <= $1 ORDER BY id`, rev)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var m invest.Month
		var a invest.Amount
		if err := rows.Scan(&id, &m, &a); err != nil {
			return err
		}
		if i, ok := index[id]; ok {
			l.Funds = append(l.Funds, invest.Funds{Project: i, Month: m, Amount: -a, Source: invest.SourceShareholder, Evidence: true})
		}
	}
	return rows.Err()
}

// RecordInvestVerification records a reduction of a project's counted funds
// of a month, at most what the month counts after earlier reductions, as
// its own revision, and rebuilds the ledger's facts: every figure from then
// on — and the base of the next year's growth — is the verified one.
func (db *DB) RecordInvestVerification(ctx context.Context, actor Actor, projectID string, month invest.Month, reduction invest.Amount,
	reason string) (v InvestVerification, err error) {
	defer wrap(&err, "RecordInvestVerification(%s, %v)", projectID, month)
	if reduction <= 0 || strings.TrimSpace(reason) == "" || month == 0 {
		return v, refuse(ErrInvalid, "store.verification")
	}
	err = db.change(ctx, actor, func(t *txn) error {
		var counted sql.NullInt64
		var exists bool
		if err := t.QueryRow(`SELECT (SELECT SUM(amount) FROM invest_funds WHERE project_id = $1 AND month = $2 AND superseded_by IS NULL
				AND evidence <> '' AND source IN ('股东出资', '企业自有', '外地金融机构')),
			EXISTS (SELECT 1 FROM invest_projects WHERE project_id = $1 AND superseded_by IS NULL)`, projectID, int(month)).Scan(&counted, &exists); err != nil {
			return err
		}
		if !exists {
			return refuse(ErrNotFound, "store.invest.project", projectID)
		}
		var reduced sql.NullInt64
		if err := t.QueryRow(`SELECT SUM(reduction) FROM invest_verifications WHERE project_id = $1 AND month = $2`,
			projectID, int(month)).Scan(&reduced); err != nil {
			return err
		}
		if left := counted.Int64 - reduced.Int64; int64(reduction) > left {
			return refuse(ErrInvalid, "store.reductionTooBig",
				reduction.Yi(), invest.Amount(left).Yi())
		}
		rev, err := t.newRevision(RevisionNote{Kind: "invest-verification", Source: projectID, Note: reason})
		if err != nil {
			return err
		}
		v = InvestVerification{Revision: rev.ID, ProjectID: projectID, Month: month, Reduction: reduction, Reason: reason,
			VerifiedAt: t.now, By: t.actor.Username}
		if err := t.QueryRow(`INSERT INTO invest_verifications (revision_id, project_id, month, reduction, reason, verified_at, by_user)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, rev.ID, projectID, int(month), int64(reduction), reason, t.now,
			t.actor.Username).Scan(&v.ID); err != nil {
			return err
		}
		if err := t.refreshProjectFunds(`SELECT CAST($1 AS TEXT)`, projectID); err != nil {
			return err
		}
		l, err := t.investLedger()
		if err != nil {
			return err
		}
		if err := t.investLedgerChanged(rev.ID, l); err != nil {
			return err
		}
		return t.audit("verify", "invest_project", projectID, map[string]any{"month": month.String(),
			"reduction": reduction.Yi(), "reason": reason, "revision": rev.ID})
	})
	return v, err
}

// InvestVerifications returns the reductions of a project, oldest first.
func (db *DB) InvestVerifications(ctx context.Context, projectID string) (vs []InvestVerification, err error) {
	defer wrap(&err, "InvestVerifications(%s)", projectID)
	rows, err := db.sql.QueryContext(ctx, `SELECT id, revision_id, project_id, month, reduction, reason, verified_at, by_user
		FROM invest_verifications WHERE project_id = $1 ORDER BY id`, projectID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var v InvestVerification
		if err := rows.Scan(&v.ID, &v.Revision, &v.ProjectID, &v.Month, &v.Reduction, &v.Reason, &v.VerifiedAt, &v.By); err != nil {
			return nil, err
		}
		vs = append(vs, v)
	}
	return vs, rows.Err()
}
