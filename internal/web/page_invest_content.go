package web

import (
	"context"
	"strings"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/invest/ledgerio"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
)

func init() {
	locale.Register(map[string][2]string{
		"invest.report.place": {"项目所在地 %s 不是本报表的县区 %s", "the project is located in %s, not in the report's county %s"},
		"invest.report.empty": {"报表中没有项目或到位资金", "the report holds no projects and no funds"},
	})
}

// investContent is a county's monthly report read against the ledger: the
// project rows and funds rows the province's pass imports, and the
// projects of the ledger they may duplicate.
type investContent struct {
	Projects   []invest.Project
	Funds      []store.InvestFunds
	Duplicates []invest.Duplicate
}

// readInvestReport reads a report's projects and funds CSV (the ledger's
// format, docs/CONTRACTS.md) for county: every project and every funds
// row's project must be located in it. Capital increases and funds may
// name projects of the ledger. Located problems come as table.Errors.
func (s *Server) readInvestReport(ctx context.Context, county, projectsCSV, fundsCSV string) (*investContent, error) {
	var pt, ft *table.Table
	var err error
	if strings.TrimSpace(projectsCSV) != "" {
		if pt, err = table.Read("projects.csv", strings.NewReader(projectsCSV)); err != nil {
			return nil, err
		}
	}
	if strings.TrimSpace(fundsCSV) != "" {
		if ft, err = table.Read("funds.csv", strings.NewReader(fundsCSV)); err != nil {
			return nil, err
		}
	}
	if pt == nil && ft == nil {
		return nil, &table.Error{File: "projects.csv", Msg: locale.M("invest.report.empty")}
	}
	// What of the ledger the rows may name: their 项目编号, the originals
	// of increases, the funds' projects; and their investors' codes.
	var ids, codes []string
	column := func(t *table.Table, name string, into *[]string) {
		if t == nil {
			return
		}
		if c := t.Col(name); c >= 0 {
			for _, row := range t.Rows {
				if v := strings.TrimSpace(row[c]); v != "" {
					*into = append(*into, v)
				}
			}
		}
	}
	column(pt, ledgerio.ColID, &ids)
	column(pt, ledgerio.ColIncreaseOf, &ids)
	column(ft, ledgerio.ColID, &ids)
	column(pt, ledgerio.ColInvestorCode, &codes)
	stored, err := s.db.InvestProjectsMatching(ctx, ids, codes)
	if err != nil {
		return nil, err
	}
	c := &investContent{}
	var errs table.Errors
	add := func(err error) error {
		if es, ok := err.(table.Errors); ok {
			errs = append(errs, es...)
			return nil
		}
		return err
	}
	all := stored
	if pt != nil {
		ps, _, err := ledgerio.ReadProjectsOver(pt, stored)
		if err := add(err); err != nil {
			return nil, err
		}
		cc := pt.Col(ledgerio.ColCounty)
		for i := range ps {
			if ps[i].County != county && ps[i].County != "" {
				errs = append(errs, pt.Errorf(i, cc, locale.M("invest.report.place", ps[i].County, county)))
			}
		}
		c.Projects = ps
		c.Duplicates = invest.FindDuplicates(stored, ps)
		replaced := map[string]bool{}
		for i := range ps {
			replaced[ps[i].ID] = true
		}
		all = nil
		for i := range stored {
			if !replaced[stored[i].ID] {
				all = append(all, stored[i])
			}
		}
		all = append(all, ps...)
	}
	if ft != nil {
		index := make(map[string]int, len(all))
		for i := range all {
			index[all[i].ID] = i
		}
		fs, err := ledgerio.ReadFunds(ft, index)
		if err := add(err); err != nil {
			return nil, err
		}
		cid := ft.Col(ledgerio.ColID)
		for i, f := range fs {
			if _, ok := index[strings.TrimSpace(ft.Rows[i][cid])]; !ok {
				continue // reported by ReadFunds
			}
			p := &all[f.Project]
			if p.County != county {
				errs = append(errs, ft.Errorf(i, cid, locale.M("invest.report.place", p.County, county)))
			}
			c.Funds = append(c.Funds, store.InvestFunds{ProjectID: p.ID, Funds: f})
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return c, nil
}
