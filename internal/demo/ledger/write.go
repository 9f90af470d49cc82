package ledger

import (
	"encoding/csv"
	"io"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/invest/ledgerio"
	"github.com/qiangxian/qiangxian/internal/table"
)

// projectHeader is the projects file's header: the required columns and
// 迁建 (no project of the demo is in a zone).
var projectHeader = append(append([]string{}, ledgerio.ProjectColumns...), ledgerio.ColRelocation)

// WriteProjects writes d's projects in the command line's format
// (docs/CONTRACTS.md, `invest metrics`): a capital increase leaves its place
// and investor empty, to be taken from its original project.
func WriteProjects(w io.Writer, d *Demo) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(projectHeader); err != nil {
		return err
	}
	for i := range d.Projects {
		p := &d.Projects[i]
		county, investor, code, loc := p.County, p.Investor, p.InvestorCode, p.InvestorLoc
		if p.IsIncrease() {
			county, investor, code, loc = "", "", "", ""
		}
		amount := ""
		if p.Amount != 0 {
			amount = table.FormatNumber(p.Amount.Yi())
		}
		relocation := ""
		if p.Relocation {
			relocation = "是"
		}
		if err := cw.Write([]string{p.ID, p.Name, county, investor, code, loc, p.Signed.String(), p.Event, amount,
			p.ContractStart.String(), p.ActualStart.String(), p.ContractProd.String(), p.ActualProd.String(),
			p.Terminated.String(), p.IncreaseOf, relocation}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteFunds writes d's funds rows in the command line's format.
func WriteFunds(w io.Writer, d *Demo) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ledgerio.FundsColumns); err != nil {
		return err
	}
	for j := range d.Funds {
		f := &d.Funds[j]
		if err := cw.Write([]string{d.Projects[f.Project].ID, f.Month.String(), table.FormatNumber(f.Amount.Yi()),
			invest.SourceNames[f.Source], d.Evidence[j]}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
