package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/monitor"
	"github.com/qiangxian/qiangxian/internal/store"
)

func init() {
	registerUI(map[string][2]string{
		"prob.title":            {"问题清单与督办", "Problems and 督办"},
		"prob.intro":            {"问题来自红灯指标、开发区预警、进度滞后的项目或人工录入；省级下发督办单，责任单位答复并附佐证申请销号，省级审核销号；逾期自动升级（次日市级督办，满 30 天省级督办）。", "Problems come from red indicators, zone warnings, projects behind schedule or by hand; the office issues a 督办单, the responsible unit replies and asks for 销号 with evidence, the office approves it; overdue problems are escalated (市级督办 the day after the deadline, 省级督办 thirty days later)."},
		"prob.none":             {"没有问题。", "No problems."},
		"prob.unit":             {"单位", "Unit"},
		"prob.source":           {"来源", "Source"},
		"prob.source.indicator": {"红灯指标", "red indicator"},
		"prob.source.zone":      {"开发区预警", "zone warning"},
		"prob.source.project":   {"项目滞后", "project behind schedule"},
		"prob.source.manual":    {"人工录入", "by hand"},
		"prob.what":             {"问题", "Problem"},
		"prob.responsible":      {"责任单位", "Responsible unit"},
		"prob.measures":         {"整改措施", "Measures"},
		"prob.deadline":         {"期限", "Deadline"},
		"prob.state":            {"状态", "State"},
		"prob.state.listed":     {"已列入清单", "listed"},
		"prob.state.ordered":    {"已下发督办单", "督办单 issued"},
		"prob.state.replied":    {"已答复", "replied"},
		"prob.state.closing":    {"申请销号", "销号 requested"},
		"prob.state.closed":     {"已销号", "closed"},
		"prob.overdue":          {"逾期", "overdue"},
		"prob.escalation.1":     {"市级督办", "escalated to the prefecture"},
		"prob.escalation.2":     {"省级督办", "escalated to the province"},
		"prob.history":          {"办理经过", "History"},
		"prob.order":            {"下发督办单", "Issue the 督办单"},
		"prob.orderNo":          {"督办单号", "督办单 number"},
		"prob.reply":            {"答复", "Reply"},
		"prob.request":          {"申请销号", "Ask for 销号"},
		"prob.evidence":         {"佐证材料", "Evidence"},
		"prob.approve":          {"同意销号", "Approve 销号"},
		"prob.reject":           {"退回", "Send back"},
		"prob.reason":           {"理由", "Reason"},
		"prob.raise":            {"录入问题", "Raise a problem"},
		"prob.sourceRef":        {"来源说明", "Source note"},
		"prob.linkProject":      {"项目编号（项目滞后）", "Project code (project behind schedule)"},
		"prob.linkZone":         {"开发区代码（开发区预警）", "Zone code (zone warning)"},
		"prob.linkYear":         {"考核年度", "Assessment year"},
		"prob.linkAction":       {"预警类别", "Warning"},
		"prob.indicator":        {"指标", "Indicator"},
		"prob.period":           {"期间", "Period"},
		"prob.escalate":         {"逾期升级", "Escalate overdue problems"},
		"prob.reds":             {"最新一期红灯指标", "Red lights of the latest period"},
		"prob.done":             {"已保存。", "Saved."},
		"prob.zoneWarnings":     {"开发区动态管理预警", "Zone management warnings"},
		"prob.raiseFromZone":    {"据此列入问题清单", "Raise a problem from it"},
		"prob.step.raise":       {"列入清单", "listed"},
		"prob.step.order":       {"下发督办单", "督办单 issued"},
		"prob.step.reply":       {"答复", "reply"},
		"prob.step.request":     {"申请销号", "销号 requested"},
		"prob.step.approve":     {"同意销号", "销号 approved"},
		"prob.step.reject":      {"退回", "sent back"},
		"prob.step.escalate":    {"逾期升级", "escalated"},
	})
}

// problemsView is /monitor/problems.
type problemsView struct {
	Problems []problemRow
	Staff    bool
	Counties []store.Unit
	Reds     []monitor.Row
	Period   monitor.Period
	Names    map[string]string
	IndNames map[string]string // monitoring indicator code → name
	Done     bool
	Today    string
	// The warnings of the latest zone assessment, each one click from
	// the list (page_monitor_problems_zones.go).
	ZoneWarnings []zoneWarningLine
	ZoneYear     int
	ZoneDeadline string
}

// problemRow is a problem with what the caller may do to it.
type problemRow struct {
	problemJSON
	UnitName  string
	CanReply  bool
	CanDecide bool
}

// monitorProblems renders the problem list with the steps the caller may
// take; the office also gets the form to raise a problem and the red
// lights of the latest period, each one click from the list.
func (s *Server) monitorProblems(w http.ResponseWriter, r *http.Request) error {
	ctx, c := r.Context(), callerOf(r)
	if err := require(c, auth.Read, ownScope(c, auth.KindProblem), "problems"); err != nil {
		return err
	}
	names, err := s.monitorUnitNames(ctx)
	if err != nil {
		return err
	}
	v := &problemsView{Staff: auth.Can(c.principal(), auth.Write, auth.Resource{Kind: auth.KindProblem}), Names: names,
		Done: r.URL.Query().Get("done") != "", Today: time.Now().Format(time.DateOnly), IndNames: map[string]string{}}
	inds, err := s.db.MonitorIndicators(ctx)
	if err != nil {
		return err
	}
	for _, ind := range inds {
		v.IndNames[ind.Code] = ind.Name
	}
	ps, err := s.readableProblems(r, store.ProblemFilter{})
	if err != nil {
		return err
	}
	for _, p := range ps {
		full, err := s.db.Problem(ctx, p.ID)
		if err != nil {
			return err
		}
		res, err := s.unitResource(ctx, auth.KindProblem, p.Unit)
		if err != nil {
			return err
		}
		v.Problems = append(v.Problems, problemRow{problemJSON: problemOut(full, time.Now()), UnitName: names[p.Unit],
			CanReply: auth.Can(c.principal(), auth.Reply, res), CanDecide: auth.Can(c.principal(), auth.Write, res)})
	}
	if v.Staff {
		if v.Counties, err = s.db.Units(ctx, store.UnitFilter{Kind: store.UnitCounty}); err != nil {
			return err
		}
		year, err := s.db.MonitorLatestYear(ctx)
		if err != nil {
			return err
		}
		d, err := s.loadMonitor(ctx, year)
		if err != nil {
			return err
		}
		// The red lights of the latest released period: what the
		// counties see too.
		for i := len(d.Periods) - 1; i >= 0; i-- {
			p := d.Periods[i]
			if !d.released(p) {
				continue
			}
			v.Period = p
			in := d.In
			in.Period = p
			for _, row := range monitor.Compute(in) {
				if row.Light == monitor.Red {
					v.Reds = append(v.Reds, row)
				}
			}
			break
		}
		if err := s.zoneWarningLines(r, v); err != nil {
			return err
		}
	}
	s.render(w, r, http.StatusOK, "monitor_problems", v)
	return nil
}

// monitorProblemsPost raises a problem from the form (the office).
func (s *Server) monitorProblemsPost(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return invalidErr(err, "bad.form")
	}
	f := r.PostForm
	year, _ := strconv.Atoi(f.Get("year"))
	req := problemRequest{Source: f.Get("source"), SourceRef: f.Get("source_ref"), Unit: f.Get("unit"), Indicator: f.Get("indicator"),
		Period: f.Get("period"), Title: f.Get("title"), Responsible: f.Get("responsible"), Measures: f.Get("measures"), Deadline: f.Get("deadline"),
		Zone: f.Get("zone"), Year: year, Action: f.Get("action"), Project: f.Get("project")}
	if err := s.mayRaise(r, &req); err != nil {
		return err
	}
	if _, err := s.raiseProblem(r, req); err != nil {
		return err
	}
	back := "/monitor/problems?done=1"
	if f.Get("back") == "schedule" { // raised from the scheduling page
		back = "/invest/schedule?done=1"
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
	return nil
}

// monitorProblemPost takes a step of the loop from a problem's form.
func (s *Server) monitorProblemPost(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return notFound("problem")
	}
	if err := r.ParseForm(); err != nil {
		return invalidErr(err, "bad.form")
	}
	f := r.PostForm
	if _, err := s.takeProblemStep(r, id, f.Get("step"), f.Get("body"), f.Get("evidence")); err != nil {
		return err
	}
	http.Redirect(w, r, "/monitor/problems?done=1#p"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}

// monitorEscalatePost escalates the overdue problems (the office).
func (s *Server) monitorEscalatePost(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindProblem}, "escalation"); err != nil {
		return err
	}
	if _, err := s.db.EscalateOverdue(r.Context(), c.actor(), time.Now()); err != nil {
		return err
	}
	http.Redirect(w, r, "/monitor/problems?done=1", http.StatusSeeOther)
	return nil
}
