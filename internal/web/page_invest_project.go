package web

import (
	"errors"
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
)

func init() {
	registerUI(map[string][2]string{
		"invest.project":       {"项目", "Project"},
		"invest.fundsRows":     {"到位资金", "Funds in place"},
		"invest.month":         {"月份", "Month"},
		"invest.source":        {"资金来源", "Source"},
		"invest.evidence":      {"凭证", "Evidence"},
		"invest.payer":         {"出资方所在地", "Payer from"},
		"invest.countedQ":      {"计入", "Counts"},
		"invest.stages":        {"阶段记录", "Stage history"},
		"invest.noStages":      {"没有记录阶段变更；阶段按合同和实际日期推定。", "No recorded stage change; the stage follows the contract and actual dates."},
		"invest.contractStart": {"合同开工日期", "Contract start"},
		"invest.actualStart":   {"实际开工日期", "Actual start"},
		"invest.contractProd":  {"合同投产日期", "Contract production"},
		"invest.actualProd":    {"实际投产日期", "Actual production"},
		"invest.terminated":    {"终止日期", "Terminated on"},
		"invest.by":            {"记录人", "By"},
		"invest.revision":      {"版本", "Revision"},
		"invest.verify":        {"抽查核实（核减）", "Verification (reduction)"},
		"invest.reduction":     {"核减金额（亿元）", "Reduction (100m yuan)"},
		"invest.record":        {"记录核减", "Record the reduction"},
		"invest.fromTarget":    {"来自目标企业", "From the target enterprise"},
	})
}

// investProjectView is the data of /invest/projects/{id}.
type investProjectView struct {
	investProjectLine
	Funds         []store.InvestFundsRow
	Stages        []store.InvestStageChange
	Verifications []store.InvestVerification
	Manager       bool               // may record verifications
	Target        *store.ChainTarget // the target enterprise it came from (issue 20), for who reads it
}

// Counts reports whether a funds row counts as funds in place (rule 3).
func (investProjectView) Counts(f store.InvestFundsRow) bool {
	src, _ := invest.ParseSource(f.Source)
	return src.Counts() && f.Evidence != ""
}

// investProject is one project of the ledger with its funds rows, stage
// history and warnings; a project the caller may not read is not found,
// as one that does not exist.
func (s *Server) investProject(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	u := c.principal()
	scope, ok := auth.InvestLedgerScope(u, c.anonymous())
	if !ok {
		return deny(c, "read the investment ledger")
	}
	id := r.PathValue("id")
	p, funds, err := s.db.InvestProject(r.Context(), id)
	if err != nil {
		return err
	}
	if !scope.Covers(p.County) || (p.Stage == invest.StageLead || p.Stage == invest.StageTalks) && !auth.InvestSeesTalks(u, p.County) {
		return notFound("invest project " + id)
	}
	stages, err := s.db.InvestStageChanges(r.Context(), id)
	if err != nil {
		return err
	}
	names, err := s.unitNames(r.Context())
	if err != nil {
		return err
	}
	vs, err := s.db.InvestVerifications(r.Context(), id)
	if err != nil {
		return err
	}
	row := store.InvestProjectRow{Project: p}
	for _, f := range funds {
		row.All += f.Amount
		if (investProjectView{}).Counts(f) {
			row.Counted += f.Amount
		}
	}
	for _, v := range vs {
		row.Counted -= v.Reduction // the verified figure
	}
	last, err := s.db.InvestLastMonth(r.Context())
	if err != nil {
		return err
	}
	cutoff := invest.Options{To: last, OverdueMonths: invest.DefaultOverdueMonths}.OverdueCutoff()
	v := investProjectView{investProjectLine: investProjectLine{InvestProjectRow: row, CountyName: names[p.County].Name,
		Warnings: investWarnings(&row, last, cutoff)}, Funds: funds, Stages: stages, Verifications: vs,
		Manager: auth.InvestManagesMonths(u)}
	if t, err := s.db.ChainTargetOfProject(r.Context(), id); err == nil {
		if auth.CanChainTarget(u, c.anonymous(), auth.Read, t.County, auth.ChainTeam{}) {
			v.Target = &t
		}
	} else if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	s.render(w, r, http.StatusOK, "invest_project", v)
	return nil
}
