package web

import (
	"github.com/qiangxian/qiangxian/internal/followup"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
)

// followupJSON is a project under follow-up as the API gives it.
type followupJSON struct {
	Project    followupProjectJSON   `json:"project"`
	AsOf       string                `json:"as_of"`
	Status     string                `json:"status"`     // 正常, 预警, 违约
	StatusKey  string                `json:"status_key"` // normal, warn, breach
	Terms      termsJSON             `json:"terms"`
	Leader     string                `json:"leader,omitempty"`
	LeaderDept string                `json:"leader_dept,omitempty"`
	Years      []followupYearJSON    `json:"years"`
	Findings   []followupFindingJSON `json:"findings"`
	Incentives []incentiveJSON       `json:"incentives"`
	Defaults   []defaultJSON         `json:"defaults"`
}

// termsJSON is a project's 标准地 terms; 0 is a term not set.
type termsJSON struct {
	LandMu        float64 `json:"land_mu"`         // 亩
	InvestPerMu   float64 `json:"invest_per_mu"`   // 万元/亩
	TaxPerMu      float64 `json:"tax_per_mu"`      // 万元/亩/年
	EnergyPerUnit float64 `json:"energy_per_unit"` // 吨标准煤/万元
}

type followupProjectJSON struct {
	ID            string  `json:"id"`
	Name          string  `json:"name"`
	County        string  `json:"county"`
	Amount        float64 `json:"amount"` // 亿元
	Signed        string  `json:"signed"`
	ContractStart string  `json:"contract_start,omitempty"`
	ActualStart   string  `json:"actual_start,omitempty"`
	ContractProd  string  `json:"contract_prod,omitempty"`
	ActualProd    string  `json:"actual_prod,omitempty"`
	Terminated    string  `json:"terminated,omitempty"`
}

type figuresJSON struct {
	Investment *float64 `json:"investment"`
	Tax        *float64 `json:"tax"`
	Output     *float64 `json:"output"`
	Jobs       *float64 `json:"jobs"`
	Energy     *float64 `json:"energy"`
}

type followupYearJSON struct {
	Year   int         `json:"year"`
	Commit figuresJSON `json:"commit"`
	Actual figuresJSON `json:"actual"`
}

type followupFindingJSON struct {
	Check     string   `json:"check"`
	Year      int      `json:"year,omitempty"`
	Committed float64  `json:"committed,omitempty"`
	Actual    *float64 `json:"actual"`
	Ratio     *float64 `json:"ratio"`
	DaysLate  int      `json:"days_late,omitempty"`
	Status    string   `json:"status"`
}

type incentiveJSON struct {
	ID        int64    `json:"id"`
	Kind      string   `json:"kind"`
	Content   string   `json:"content"`
	Amount    *float64 `json:"amount"`
	NamedFirm bool     `json:"named_firm"`
	Selective bool     `json:"selective"`
	Basis     string   `json:"basis,omitempty"`
	Granted   string   `json:"granted,omitempty"`
	Flag      string   `json:"flag,omitempty"`    // prohibited, legacy, review
	Article   string   `json:"article,omitempty"` // the item of article 10
}

type defaultJSON struct {
	ID     int64    `json:"id"`
	Day    string   `json:"day"`
	Action string   `json:"action"`
	Amount *float64 `json:"amount"`
	Note   string   `json:"note,omitempty"`
}

func figuresOut(f followup.Figures) figuresJSON {
	return figuresJSON{numOrNil(f.Investment), numOrNil(f.Tax), numOrNil(f.Output), numOrNil(f.Jobs), numOrNil(f.Energy)}
}

func projectOut(p *invest.Project) followupProjectJSON {
	return followupProjectJSON{ID: p.ID, Name: p.Name, County: p.County, Amount: p.Amount.Yi(), Signed: p.Signed.String(),
		ContractStart: p.ContractStart.String(), ActualStart: p.ActualStart.String(), ContractProd: p.ContractProd.String(),
		ActualProd: p.ActualProd.String(), Terminated: p.Terminated.String()}
}

func incentiveOut(in store.FollowupIncentive) incentiveJSON {
	return incentiveJSON{ID: in.ID, Kind: string(in.Kind), Content: in.Content, Amount: numOrNil(in.Amount), NamedFirm: in.Specific,
		Selective: in.Selective, Basis: in.Basis, Granted: in.Granted.String(), Flag: string(in.Review()), Article: in.Article()}
}

func defaultOut(d store.FollowupDefault) defaultJSON {
	return defaultJSON{ID: d.ID, Day: d.Day.String(), Action: d.Action, Amount: numOrNil(d.Amount), Note: d.Note}
}

// followupOut is a judged record as JSON.
func followupOut(row followupRow, asOf invest.Day) followupJSON {
	out := followupJSON{Project: projectOut(&row.Project), AsOf: asOf.String(), Status: row.Status.String(), StatusKey: row.Status.Key(),
		Terms: termsJSON(row.Terms), Leader: row.Leader, LeaderDept: row.LeaderDept, Years: []followupYearJSON{},
		Findings: []followupFindingJSON{}, Incentives: []incentiveJSON{}, Defaults: []defaultJSON{}}
	for _, y := range row.Years {
		out.Years = append(out.Years, followupYearJSON{Year: y.Year, Commit: figuresOut(y.Commit), Actual: figuresOut(y.Actual)})
	}
	for _, f := range row.Findings {
		out.Findings = append(out.Findings, followupFindingJSON{Check: f.Check, Year: f.Year, Committed: f.Committed,
			Actual: numOrNil(f.Actual), Ratio: numOrNil(f.Ratio), DaysLate: f.DaysLate, Status: f.Status.String()})
	}
	for _, in := range row.Incentives {
		out.Incentives = append(out.Incentives, incentiveOut(in))
	}
	for _, d := range row.Defaults {
		out.Defaults = append(out.Defaults, defaultOut(d))
	}
	return out
}
