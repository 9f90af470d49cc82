package ledgerio

import (
	"strings"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/table"
)

// ReadProjects reads the projects table: one row per project or capital
// increase. It returns the projects, with increases completed from their
// originals (invest.ResolveIncreases), and the position of each 项目编号.
func ReadProjects(t *table.Table) ([]invest.Project, map[string]int, error) {
	r := &reader{t: t}
	r.col = columns(t, ProjectColumns, []string{ColZone, ColRelocation}, &r.errs)
	if len(r.errs) > 0 {
		return nil, nil, r.errs
	}
	ps := make([]invest.Project, len(t.Rows))
	index := make(map[string]int, len(t.Rows))
	for i := range t.Rows {
		p := &ps[i]
		p.ID = r.cell(i, ColID)
		switch j, dup := index[p.ID]; {
		case p.ID == "":
			r.fail(i, ColID, "invest.noid")
		case dup:
			r.fail(i, ColID, "invest.dupid", p.ID, t.Lines[j])
		default:
			index[p.ID] = i
		}
		p.Name = r.cell(i, ColName)
		p.IncreaseOf = r.cell(i, ColIncreaseOf)
		p.County = r.cell(i, ColCounty)
		if (p.County != "" || !p.IsIncrease()) && (!isDivision(p.County) || !strings.HasPrefix(p.County, invest.Province[:2])) {
			r.fail(i, ColCounty, "invest.county", p.County)
		}
		p.Zone = r.cell(i, ColZone)
		p.Investor = r.cell(i, ColInvestor)
		p.InvestorCode = r.cell(i, ColInvestorCode)
		p.InvestorLoc = r.location(i, ColInvestorLoc)
		p.Signed = r.day(i, ColSigned)
		p.Event = r.cell(i, ColEvent)
		if s := r.cell(i, ColAmount); s != "" {
			a, ok := invest.ParseAmount(s)
			switch {
			case !ok:
				r.fail(i, ColAmount, "invest.amount", s)
			case a < 0:
				r.fail(i, ColAmount, "invest.negative", s)
			}
			p.Amount = a
		}
		p.ContractStart = r.day(i, ColContractStart)
		p.ActualStart = r.day(i, ColActualStart)
		p.ContractProd = r.day(i, ColContractProd)
		p.ActualProd = r.day(i, ColActualProd)
		p.Terminated = r.day(i, ColTerminated)
		p.Relocation = r.flag(i, ColRelocation)
	}
	for i := range ps {
		p := &ps[i]
		if !p.IsIncrease() {
			continue
		}
		if j, ok := index[p.IncreaseOf]; !ok || ps[j].IsIncrease() || j == i {
			r.fail(i, ColIncreaseOf, "invest.increase", p.IncreaseOf)
		}
	}
	invest.ResolveIncreases(ps, index)
	// The investor's code is checked against its location, which an
	// increase may take from its original: a domestic investor's code must
	// be a 统一社会信用代码; any other is a foreign registration, unless it
	// has the length of one.
	for i := range ps {
		p := &ps[i]
		code := r.cell(i, ColInvestorCode)
		if code == "" {
			continue
		}
		domestic := len(p.InvestorLoc) == 6
		if (domestic || len(code) == 18 && p.InvestorLoc == "") && !invest.ValidUSCC(strings.ToUpper(code)) {
			r.fail(i, ColInvestorCode, "invest.uscc", code)
		}
	}
	if len(r.errs) > 0 {
		return ps, index, sorted(r.errs)
	}
	for i := range ps {
		ps[i].Stage = invest.StageOf(&ps[i], 99991231)
	}
	return ps, index, nil
}
