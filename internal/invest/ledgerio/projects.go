package ledgerio

import (
	"strings"

	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/table"
)

// ReadProjects reads the projects table: one row per project or capital
// increase. It returns the projects, with increases completed from their
// originals (invest.ResolveIncreases), and the position of each 项目编号.
func ReadProjects(t *table.Table) ([]invest.Project, map[string]int, error) {
	return ReadProjectsOver(t, nil)
}

// ReadProjectsOver reads the projects table as new versions over a stored
// ledger: a capital increase may name a stored original project (whose
// place and investor it then takes), and a row of the table replaces the
// stored project of the same 项目编号.
func ReadProjectsOver(t *table.Table, stored []invest.Project) ([]invest.Project, map[string]int, error) {
	r := &reader{t: t}
	r.col = columns(t, ProjectColumns, []string{ColZone, ColRelocation, ColIndustry, ColChainNode}, &r.errs)
	if len(r.errs) > 0 {
		return nil, nil, r.errs
	}
	cID := r.col[ColID]
	cName := r.col[ColName]
	cIncreaseOf := r.col[ColIncreaseOf]
	cCounty := r.col[ColCounty]
	cZone := r.col[ColZone]
	cInvestor := r.col[ColInvestor]
	cInvestorCode := r.col[ColInvestorCode]
	cInvestorLoc := r.col[ColInvestorLoc]
	cSigned := r.col[ColSigned]
	cEvent := r.col[ColEvent]
	cAmount := r.col[ColAmount]
	cContractStart := r.col[ColContractStart]
	cActualStart := r.col[ColActualStart]
	cContractProd := r.col[ColContractProd]
	cActualProd := r.col[ColActualProd]
	cTerminated := r.col[ColTerminated]
	cRelocation := r.col[ColRelocation]
	cIndustry := r.col[ColIndustry]
	cChainNode := r.col[ColChainNode]
	ps := make([]invest.Project, len(t.Rows))
	index := make(map[string]int, len(t.Rows))
	for i := range t.Rows {
		p := &ps[i]
		p.ID = r.cell(i, cID)
		switch j, dup := index[p.ID]; {
		case p.ID == "":
			r.fail(i, cID, "invest.noid")
		case dup:
			r.fail(i, cID, "invest.dupid", p.ID, t.Lines[j])
		default:
			index[p.ID] = i
		}
		p.Name = r.cell(i, cName)
		p.IncreaseOf = r.cell(i, cIncreaseOf)
		p.County = r.cell(i, cCounty)
		if (p.County != "" || !p.IsIncrease()) && (!isDivision(p.County) || !strings.HasPrefix(p.County, invest.Province[:2])) {
			r.fail(i, cCounty, "invest.county", p.County)
		}
		p.Zone = r.cell(i, cZone)
		p.Investor = r.cell(i, cInvestor)
		p.InvestorCode = r.cell(i, cInvestorCode)
		p.InvestorLoc = r.location(i, cInvestorLoc)
		p.Signed = r.day(i, cSigned)
		p.Event = r.cell(i, cEvent)
		if s := r.cell(i, cAmount); s != "" {
			a, ok := invest.ParseAmount(s)
			switch {
			case !ok:
				r.fail(i, cAmount, "invest.amount", s)
			case a < 0:
				r.fail(i, cAmount, "invest.negative", s)
			}
			p.Amount = a
		}
		p.ContractStart = r.day(i, cContractStart)
		p.ActualStart = r.day(i, cActualStart)
		p.ContractProd = r.day(i, cContractProd)
		p.ActualProd = r.day(i, cActualProd)
		p.Terminated = r.day(i, cTerminated)
		p.Relocation = r.flag(i, cRelocation)
		if p.Industry = strings.ToUpper(r.cell(i, cIndustry)); p.Industry != "" && !chain.ValidIndustry(p.Industry) {
			r.fail(i, cIndustry, "invest.industry", p.Industry)
		}
		if p.ChainNode = r.cell(i, cChainNode); p.ChainNode != "" {
			if c, n, ok := strings.Cut(p.ChainNode, "/"); !ok || c == "" || n == "" || strings.Contains(n, "/") {
				r.fail(i, cChainNode, "invest.chainnode", p.ChainNode)
			}
		}
	}
	// all is the stored projects the table does not replace, then the
	// table's: increases are checked and resolved against all of them.
	all, allIndex, base := ps, index, 0
	if len(stored) > 0 {
		all = nil
		for i := range stored {
			if _, replaced := index[stored[i].ID]; !replaced {
				all = append(all, stored[i])
			}
		}
		base = len(all)
		all = append(all, ps...)
		allIndex = make(map[string]int, len(all))
		for i := range all {
			allIndex[all[i].ID] = i
		}
	}
	for i := range ps {
		p := &ps[i]
		if !p.IsIncrease() {
			continue
		}
		if j, ok := allIndex[p.IncreaseOf]; !ok || all[j].IsIncrease() || j == base+i {
			r.fail(i, cIncreaseOf, "invest.increase", p.IncreaseOf)
		}
	}
	invest.ResolveIncreases(all, allIndex)
	if len(stored) > 0 {
		copy(ps, all[base:])
	}
	// The investor's code is checked against its location, which an
	// increase may take from its original: a domestic investor's code must
	// be a 统一社会信用代码; any other is a foreign registration, unless it
	// has the length of one.
	for i := range ps {
		p := &ps[i]
		code := r.cell(i, cInvestorCode)
		if code == "" {
			continue
		}
		domestic := len(p.InvestorLoc) == 6
		if (domestic || len(code) == 18 && p.InvestorLoc == "") && !invest.ValidUSCC(strings.ToUpper(code)) {
			r.fail(i, cInvestorCode, "invest.uscc", code)
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
