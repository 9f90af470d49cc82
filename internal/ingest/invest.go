package ingest

import (
	"context"
	"errors"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/invest/ledgerio"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
)

func init() {
	locale.Register(map[string][2]string{
		"ingest.what.projects": {"招商项目", "investment projects"},
		"ingest.what.funds":    {"到位资金", "funds in place"},
		"ingest.investplace":   {"您的账号（%s）无权导入位于 %s 的项目的数据", "your account (%s) may not import data of projects located in %s"},
		"ingest.norows":        {"表中没有数据行", "the table has no rows"},
	})
}

// mayImportInvest reports whether user may import ledger data at all:
// administrators and analysts for the whole province, prefecture and
// county (or zone) users for their own places.
func mayImportInvest(u auth.User) bool {
	switch u.Role {
	case auth.RoleAdmin, auth.RoleAnalyst, auth.RolePrefecture, auth.RoleCounty:
		return true
	}
	return false
}

// investPlaceAllowed reports whether user may import data of a project
// located in county (and zone).
func investPlaceAllowed(u auth.User, county, zone string) bool {
	switch u.Role {
	case auth.RoleAdmin, auth.RoleAnalyst:
		return true
	case auth.RolePrefecture:
		return invest.PrefectureOf(county) == u.Unit
	case auth.RoleCounty:
		return county == u.Unit || (zone != "" && zone == u.Unit)
	}
	return false
}

// ImportInvestProjects imports a projects table (ledgerio.ProjectColumns)
// as one revision: new projects and new versions of stored ones. A capital
// increase may name a stored project. Every problem is reported at its
// cell and nothing is written then.
func ImportInvestProjects(ctx context.Context, db *store.DB, actor store.Actor, user auth.User, t *table.Table, opts Options) (store.Revision, error) {
	opts.Note = withDefaults(opts.Note, "invest-projects", t)
	l := &errorList{t: t}
	if !mayImportInvest(user) {
		l.file("ingest.norights", who(user), message("ingest.what.projects"))
		return store.Revision{}, forbidden{l.errs}
	}
	stored, err := db.InvestLedger(ctx)
	if err != nil {
		return store.Revision{}, err
	}
	ps, _, err := ledgerio.ReadProjectsOver(t, stored.Projects)
	if err != nil {
		return store.Revision{}, l.readErr(err)
	}
	if len(ps) == 0 {
		l.file("ingest.norows")
		return store.Revision{}, l.err()
	}
	county := t.Col(ledgerio.ColCounty)
	for i := range ps {
		if !investPlaceAllowed(user, ps[i].County, ps[i].Zone) {
			l.at(i, county, "ingest.investplace", who(user), strings.TrimSpace(ps[i].County))
		}
	}
	if err := l.err(); err != nil {
		return store.Revision{}, forbidden{err.(table.Errors)}
	}
	rev, err := db.ImportInvestProjects(ctx, actor, opts.Note, ps)
	return rev, wrapStore(err, "projects")
}

// ImportInvestFunds imports a funds table (ledgerio.FundsColumns) as one
// revision: its rows replace the stored rows of the projects' months they
// hold. Every 项目编号 must be in the stored ledger.
func ImportInvestFunds(ctx context.Context, db *store.DB, actor store.Actor, user auth.User, t *table.Table, opts Options) (store.Revision, error) {
	opts.Note = withDefaults(opts.Note, "invest-funds", t)
	l := &errorList{t: t}
	if !mayImportInvest(user) {
		l.file("ingest.norights", who(user), message("ingest.what.funds"))
		return store.Revision{}, forbidden{l.errs}
	}
	stored, err := db.InvestLedger(ctx)
	if err != nil {
		return store.Revision{}, err
	}
	index := make(map[string]int, len(stored.Projects))
	for i := range stored.Projects {
		index[stored.Projects[i].ID] = i
	}
	fs, err := ledgerio.ReadFunds(t, index)
	if err != nil {
		return store.Revision{}, l.readErr(err)
	}
	if len(fs) == 0 {
		l.file("ingest.norows")
		return store.Revision{}, l.err()
	}
	id := t.Col(ledgerio.ColID)
	rows := make([]store.InvestFunds, len(fs))
	for i, f := range fs {
		p := &stored.Projects[f.Project]
		if !investPlaceAllowed(user, p.County, p.Zone) {
			l.at(i, id, "ingest.investplace", who(user), p.County)
		}
		rows[i] = store.InvestFunds{ProjectID: p.ID, Funds: f}
	}
	if err := l.err(); err != nil {
		return store.Revision{}, forbidden{err.(table.Errors)}
	}
	rev, err := db.ImportInvestFunds(ctx, actor, opts.Note, rows)
	return rev, wrapStore(err, "funds")
}

// readErr adds a ledger reader's located errors to l and returns the list,
// or returns any other error as it is.
func (l *errorList) readErr(err error) error {
	var es table.Errors
	if !errors.As(err, &es) {
		return err
	}
	for _, e := range es {
		l.add(e)
	}
	return l.err()
}
