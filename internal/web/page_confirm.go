package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// confirmView is the county confirmation page (/confirm?period=): a
// county user (or her prefecture's reviewer) sees her figures, confirms
// them or objects to one with a reason and an attachment; everybody in the
// chain sees the objections of her scope and their state.
type confirmView struct {
	Period     string
	Periods    []string
	CanConfirm bool
	Figures    []confirmFigure
	Objections []store.FigureObjection
	Notices    []store.Notification
	Done       string
	Accept     string      // accepted attachment types
	Formal     *formalForm // a county's confirmation of its result, with the stamped letter
}

// confirmFigure is a figure with its indicator's names and explanation.
type confirmFigure struct {
	store.Observation
	UnitName, Name, Measure, Department string
	Explanation                         string
}

// Ref is the figure's form value: unit|indicator.
func (f confirmFigure) Ref() string { return f.Unit + "|" + f.Indicator }

// confirmPage renders the confirmation page.
func (s *Server) confirmPage(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Read, ownScope(c, auth.KindObservation), "figures"); err != nil {
		return err
	}
	q := r.URL.Query()
	v := &confirmView{Period: q.Get("period"), Done: q.Get("done"), Accept: workflow.AttachmentTypes}
	var err error
	if v.Periods, err = s.periodCodes(r); err != nil {
		return err
	}
	if v.Period == "" && len(v.Periods) > 0 {
		v.Period = v.Periods[0]
	}
	p := c.principal()
	v.CanConfirm = p.Role == auth.RoleCounty || p.Role == auth.RolePrefecture
	if v.CanConfirm && v.Period != "" {
		if err := s.confirmFigures(r, v); err != nil {
			return err
		}
	}
	if v.Objections, err = s.objectionsFor(r, store.ObjectionFilter{Period: v.Period}); err != nil {
		return err
	}
	if v.Notices, err = s.notificationsFor(r, 20); err != nil {
		return err
	}
	if v.Formal, err = s.confirmationForm(r); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "confirm", v)
	return nil
}

// confirmFigures fills the figures of the caller's unit(s) for the period.
func (s *Server) confirmFigures(r *http.Request, v *confirmView) error {
	ctx := r.Context()
	f, err := s.figureScope(r, store.ObservationFilter{Periods: []string{v.Period}})
	if err != nil {
		return err
	}
	obs, err := s.db.Observations(ctx, f)
	if err != nil {
		return err
	}
	byCode, err := s.indicatorsByCode(ctx)
	if err != nil {
		return err
	}
	units, err := s.db.Units(ctx, store.UnitFilter{})
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, u := range units {
		names[u.Code] = u.Name
	}
	exps, err := s.db.Explanations(ctx, store.ExplanationFilter{Period: v.Period, Units: f.Units, Prefecture: f.Prefecture})
	if err != nil {
		return err
	}
	why := map[store.ObservationKey]string{}
	for _, e := range exps {
		why[store.ObservationKey{Unit: e.Unit, Indicator: e.Indicator, Period: e.Period}] = e.Text
	}
	for _, o := range obs {
		i := byCode[o.Indicator]
		v.Figures = append(v.Figures, confirmFigure{Observation: o, UnitName: names[o.Unit], Name: pickLang(pageLang(r), i.NameZH, i.NameEN), Measure: i.Unit,
			Department: i.Department, Explanation: why[o.Key()]})
	}
	return nil
}

// confirmPost confirms the figures ticked (fields fig = unit|indicator) as
// one revision of status confirmed (核对无误).
func (s *Server) confirmPost(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := r.ParseForm(); err != nil {
		return invalidErr(err, "bad.form")
	}
	period := r.PostFormValue("period")
	var keys []store.ObservationKey
	for _, ref := range r.PostForm["fig"] {
		unit, ind, _ := strings.Cut(ref, "|")
		res, err := s.figureResource(r.Context(), unit, ind)
		if err != nil {
			return err
		}
		if err := require(c, auth.Confirm, res, "figure "+unit+" "+ind); err != nil {
			return err
		}
		keys = append(keys, store.ObservationKey{Unit: unit, Indicator: ind, Period: period})
	}
	if len(keys) == 0 {
		return invalid("bad.tickFigures")
	}
	if _, err := s.db.SetStatus(r.Context(), c.actor(), store.RevisionNote{Kind: "confirmation", Source: "confirm"},
		keys, store.StatusConfirmed, "核对无误"); err != nil {
		return err
	}
	http.Redirect(w, r, "/confirm?done=confirmed&period="+url.QueryEscape(period), http.StatusSeeOther)
	return nil
}

// confirmObjectPost raises an objection from the form (fig, reason,
// proposed, file) and opens its thread.
func (s *Server) confirmObjectPost(w http.ResponseWriter, r *http.Request) error {
	att, err := parseThreadForm(w, r)
	if err != nil {
		return err
	}
	unit, ind, _ := strings.Cut(r.FormValue("fig"), "|")
	proposed, err := parseOptionalNumber("proposed", r.FormValue("proposed"))
	if err != nil {
		return err
	}
	p := num(proposed)
	o, err := s.raiseObjection(r, objectionRequest{Unit: unit, Indicator: ind, Period: r.FormValue("period"),
		Reason: r.FormValue("reason"), Proposed: &p}, att)
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/confirm/objections/"+strconv.FormatInt(o.ID, 10), http.StatusSeeOther)
	return nil
}

func init() {
	registerUI(map[string][2]string{
		"conf.title":          {"数据核对", "Check the figures"},
		"conf.intro":          {"核对本单位 %s 期的数据：无误的勾选后确认；有异议的逐项提出，说明理由并可附证明材料，由提供部门答复（维持或更正）。全部过程记入审计日志。", "Check your unit's figures for %s: tick and confirm those that are right; object to a wrong one with a reason and evidence, which its department answers (keep or correct). Everything is written to the audit log."},
		"conf.unit":           {"单位", "Unit"},
		"conf.indicator":      {"指标", "Indicator"},
		"conf.value":          {"数值", "Value"},
		"conf.status":         {"状态", "Status"},
		"conf.dept":           {"提供部门", "Department"},
		"conf.expl":           {"审核说明", "Explanation"},
		"conf.confirm":        {"确认所选数据无误", "Confirm the ticked figures"},
		"conf.object":         {"提出异议", "Raise an objection"},
		"conf.fig":            {"数据", "Figure"},
		"conf.reason":         {"异议理由", "Reason"},
		"conf.proposed":       {"建议数值（可选）", "Proposed value (optional)"},
		"conf.file":           {"证明材料（%s，不超过 5 MB）", "Evidence (%s, at most 5 MB)"},
		"conf.objectGo":       {"提交异议", "Object"},
		"conf.objections":     {"异议", "Objections"},
		"conf.noObj":          {"没有异议。", "No objections."},
		"conf.state":          {"状态", "State"},
		"conf.raised":         {"提出", "Raised"},
		"conf.none":           {"该期间没有本单位的数据。", "There are no figures of your unit for this period."},
		"conf.done.confirmed": {"已确认，记为一个数据版本。", "Confirmed, as one revision."},
		"obj.state.open":      {"待答复", "open"},
		"obj.state.kept":      {"维持原数（异议不成立）", "kept (objection rejected)"},
		"obj.state.corrected": {"已更正（异议成立）", "corrected (objection upheld)"},
		"status.reported":     {"已报送", "reported"},
		"status.confirmed":    {"已确认", "confirmed"},
		"status.objected":     {"有异议", "objected"},
		"status.corrected":    {"已更正", "corrected"},
		"status.estimated":    {"估算", "estimated"},
		"status.imputed":      {"插补", "imputed"},
	})
}
