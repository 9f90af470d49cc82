package web

import (
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// collectionTasksPost creates a period's tasks from the form (period,
// deadline, method or codes) and goes back to the board.
func (s *Server) collectionTasksPost(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(callerOf(r), "create collection tasks"); err != nil {
		return err
	}
	req := tasksRequest{Period: r.PostFormValue("period"), Deadline: r.PostFormValue("deadline")}
	for _, c := range strings.FieldsFunc(r.PostFormValue("indicators"), func(r rune) bool { return r == ',' || r == '，' || r == ' ' }) {
		req.Indicators = append(req.Indicators, c)
	}
	var err error
	if req.Method, err = formInt(r, "method"); err != nil {
		return err
	}
	tasks, err := s.createTasks(r, req)
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/collection?done=tasks&period="+url.QueryEscape(tasks[0].Period), http.StatusSeeOther)
	return nil
}

// collectionRemindPost records a reminder about task {id}.
func (s *Server) collectionRemindPost(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(callerOf(r), "send reminders"); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	n, err := s.remind(r, id, strings.TrimSpace(r.PostFormValue("message")))
	if err != nil {
		return err
	}
	task, err := s.db.Task(r.Context(), n.TaskID)
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/collection?done=remind&period="+url.QueryEscape(task.Period), http.StatusSeeOther)
	return nil
}

// collectionRulePost adds a check rule from the form.
func (s *Server) collectionRulePost(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := requireManager(c, "configure check rules"); err != nil {
		return err
	}
	j := ruleJSON{Name: r.PostFormValue("name"), Kind: r.PostFormValue("kind"), Severity: r.PostFormValue("severity"),
		Indicator: strings.TrimSpace(r.PostFormValue("indicator")), Other: strings.TrimSpace(r.PostFormValue("other")), Note: r.PostFormValue("note")}
	for _, p := range strings.Split(r.PostFormValue("parts"), ",") {
		if p = strings.TrimSpace(p); p != "" {
			j.Parts = append(j.Parts, p)
		}
	}
	for name, dst := range map[string]**num{"lo": &j.Lo, "hi": &j.Hi} {
		v, err := parseOptionalNumber(name, r.PostFormValue(name))
		if err != nil {
			return err
		}
		if !math.IsNaN(v) {
			n := num(v)
			*dst = &n
		}
	}
	if t := strings.TrimSpace(r.PostFormValue("threshold")); t != "" {
		v, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return invalid("bad.threshold", t)
		}
		j.Threshold = v
	}
	if _, err := s.db.PutCheckRule(r.Context(), c.actor(), j.rule()); err != nil {
		return err
	}
	http.Redirect(w, r, "/collection?done=rule#rules", http.StatusSeeOther)
	return nil
}

// collectionRuleToggle enables or disables rule {id} (form field enabled).
func (s *Server) collectionRuleToggle(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := requireManager(c, "configure check rules"); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rules, err := s.db.CheckRules(r.Context())
	if err != nil {
		return err
	}
	for _, rule := range rules {
		if rule.ID == id {
			rule.Enabled = r.PostFormValue("enabled") == "true"
			if _, err := s.db.PutCheckRule(r.Context(), c.actor(), rule); err != nil {
				return err
			}
			http.Redirect(w, r, "/collection?done=rule#rules", http.StatusSeeOther)
			return nil
		}
	}
	return notFound("rule " + strconv.FormatInt(id, 10))
}

// collectionImportPost is the department's checked upload: a clean table
// goes in and the board says so; a held one opens its explanation page; a
// rejected one comes back (422) with every problem at its cell.
func (s *Server) collectionImportPost(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, ownScope(c, auth.KindObservation), "figures"); err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)
	if err := r.ParseMultipartForm(16 << 20); err != nil {
		return asUploadError(err)
	}
	period := r.FormValue("period")
	t, done, err := s.readUpload(w, r)
	defer done()
	var res checked
	if err == nil {
		res, err = s.checkedImport(r, t, period, r.FormValue("note"))
	}
	return s.afterChecked(w, r, res, err, period)
}

// afterChecked answers a checked upload or form in the browser.
func (s *Server) afterChecked(w http.ResponseWriter, r *http.Request, res checked, err error, period string) error {
	switch {
	case err == nil && res.Held != nil:
		http.Redirect(w, r, "/collection/imports/"+strconv.FormatInt(res.Held.ID, 10), http.StatusSeeOther)
		return nil
	case err == nil:
		http.Redirect(w, r, "/collection?imported="+strconv.FormatInt(res.Revision.ID, 10)+"&period="+url.QueryEscape(period), http.StatusSeeOther)
		return nil
	}
	lang := pageLang(r)
	e := asError(err, lang)
	if e.Code != EUnprocessable && e.Code != EInvalid {
		return err
	}
	v := &collectionView{Period: period, ErrorMsg: e.Msg.In(lang), Errors: details(e.Cells, lang)}
	if err := s.buildCollection(r, v); err != nil {
		return err
	}
	s.render(w, r, statusOf[e.Code], "collection", v)
	return nil
}

// ruleKinds lists the rule kinds for the form.
var ruleKinds = []workflow.RuleKind{workflow.KindBounds, workflow.KindSum, workflow.KindChange, workflow.KindHistory, workflow.KindRatio, workflow.KindRollup, workflow.KindGrowthGap}

// RuleKinds is the list of rule kinds, for the rule form.
func (v *collectionView) RuleKinds() []workflow.RuleKind { return ruleKinds }
