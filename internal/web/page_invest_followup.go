package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/qiangxian/qiangxian/internal/followup"
)

func init() {
	registerUI(map[string][2]string{
		"fu.title":               {"履约监管", "Contract follow-up"},
		"fu.intro":               {"签约项目的承诺（投资、税收、产值、就业、标准地亩均指标、开工和投产期限）与实际逐年比对：低于承诺为预警，低于承诺的 70% 或期限逾期超过 180 天为违约（阈值可按合同调整）。奖补台账按《公平竞争审查条例》（2024年8月1日施行）第十条标注。", "Each signed project's commitments (investment, tax, output, jobs, 标准地 intensities, start and production deadlines) against its actuals by year: short of a commitment is a warning, short of 70 % of it or a deadline missed by more than 180 days a breach (thresholds per contract). Incentives are flagged under article 10 of the Fair Competition Review Regulation (in force 2024-08-01)."},
		"fu.asOf":                {"判定日期 %s（台账最新月份末）", "Judged on %s (end of the ledger's latest month)"},
		"fu.none":                {"没有纳入履约监管的项目。", "No project under follow-up."},
		"fu.status":              {"履约状态", "Status"},
		"fu.status.normal":       {"正常", "normal"},
		"fu.status.warn":         {"预警", "warning"},
		"fu.status.breach":       {"违约", "breach"},
		"fu.allStatus":           {"全部状态", "All statuses"},
		"fu.findings":            {"问题", "Findings"},
		"fu.flagged":             {"奖补政策需审查", "Incentives flagged"},
		"fu.leader":              {"包抓领导", "Leader (包抓)"},
		"fu.leaderDept":          {"牵头部门", "Leading department"},
		"fu.count":               {"正常 %d · 预警 %d · 违约 %d", "normal %d · warning %d · breach %d"},
		"fu.check.start":         {"开工期限", "start deadline"},
		"fu.check.production":    {"投产期限", "production deadline"},
		"fu.check.investment":    {"累计投资", "cumulative investment"},
		"fu.check.tax":           {"税收", "tax"},
		"fu.check.output":        {"产值", "output"},
		"fu.check.jobs":          {"就业", "jobs"},
		"fu.check.invest_per_mu": {"亩均投资", "investment per mu"},
		"fu.check.tax_per_mu":    {"亩均税收", "tax per mu"},
		"fu.check.energy":        {"单位产出能耗", "energy per unit of output"},
		"fu.schedule":            {"项目调度", "Scheduling"},
		"fu.open":                {"按项目编号查看或纳入履约监管", "Open a project, or put it under follow-up, by its code"},
		"fu.go":                  {"打开", "Open"},
	})
}

// followupLine is a row of /invest/followup.
type followupLine struct {
	followupRow
	CountyName string
}

// followupListView is /invest/followup.
type followupListView struct {
	AsOf   string
	Rows   []followupLine
	Counts [3]int // by status
	Status string
}

// investFollowup lists the caller's projects under follow-up, the gravest
// first (internal: counties see their own, prefectures theirs).
func (s *Server) investFollowup(w http.ResponseWriter, r *http.Request) error {
	if id := strings.TrimSpace(r.URL.Query().Get("open")); id != "" { // the form that puts a project under follow-up
		http.Redirect(w, r, "/invest/followup/"+url.PathEscape(id), http.StatusSeeOther)
		return nil
	}
	day, err := s.followupAsOf(r)
	if err != nil {
		return err
	}
	rows, err := s.followupRows(r, day)
	if err != nil {
		return err
	}
	names, err := s.unitNames(r.Context())
	if err != nil {
		return err
	}
	v := &followupListView{AsOf: day.String(), Status: r.URL.Query().Get("status")}
	for _, row := range rows {
		v.Counts[row.Status]++
		if v.Status == "" || row.Status.Key() == v.Status {
			v.Rows = append(v.Rows, followupLine{followupRow: row, CountyName: names[row.Project.County].Name})
		}
	}
	s.render(w, r, http.StatusOK, "invest_followup", v)
	return nil
}

// Statuses lists the statuses for the filter.
func (followupListView) Statuses() []followup.Status {
	return []followup.Status{followup.Normal, followup.Warn, followup.Breach}
}
