package web

import (
	"math"
	"net/http"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
)

// formView is the per-county form of one task: every county with last
// year's figure beside the field of this year's.
type formView struct {
	Task      store.Task
	Indicator store.Indicator
	Previous  string
	Rows      []formRow
}

// formRow is a county's line of the form.
type formRow struct {
	Code, Name string
	Last       float64
	Current    float64
}

// collectionFormGet shows the form of task {id} to its department and the
// office.
func (s *Server) collectionFormGet(w http.ResponseWriter, r *http.Request) error {
	v, err := s.formOf(r)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "collection_form", v)
	return nil
}

// formOf loads the task and the figures of its form.
func (s *Server) formOf(r *http.Request) (*formView, error) {
	ctx, c := r.Context(), callerOf(r)
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	task, err := s.db.Task(ctx, id)
	if err != nil {
		return nil, err
	}
	if !suppliesFor(c, task.Department) {
		return nil, deny(c, "the form of "+task.Department)
	}
	ind, err := s.db.Indicator(ctx, task.Indicator)
	if err != nil {
		return nil, err
	}
	p, err := store.ParsePeriod(task.Period)
	if err != nil {
		return nil, err
	}
	prev := strconv.Itoa(p.Year - 1)
	if p.Kind == store.PeriodMonth {
		prev += p.Code[4:]
	}
	v := &formView{Task: task, Indicator: ind, Previous: prev}
	counties, err := s.db.Units(ctx, store.UnitFilter{Kind: store.UnitCounty})
	if err != nil {
		return nil, err
	}
	obs, err := s.db.Observations(ctx, store.ObservationFilter{Indicators: []string{task.Indicator}, Periods: []string{prev, task.Period}})
	if err != nil {
		return nil, err
	}
	last, cur := map[string]float64{}, map[string]float64{}
	for _, o := range obs {
		if o.Period == prev {
			last[o.Unit] = o.Value
		} else {
			cur[o.Unit] = o.Value
		}
	}
	for _, u := range counties {
		row := formRow{Code: u.Code, Name: u.Name, Last: math.NaN(), Current: math.NaN()}
		if x, ok := last[u.Code]; ok {
			row.Last = x
		}
		if x, ok := cur[u.Code]; ok {
			row.Current = x
		}
		v.Rows = append(v.Rows, row)
	}
	return v, nil
}

// collectionFormPost sends the filled fields through the same checks as an
// upload (empty fields are not sent): as a table "表单" with the 代码 and
// the indicator's column, so that problems name the form's lines.
func (s *Server) collectionFormPost(w http.ResponseWriter, r *http.Request) error {
	v, err := s.formOf(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return invalidErr(err, "bad.form")
	}
	t := &table.Table{File: "表单", Header: []string{"代码", v.Task.Indicator}}
	for _, row := range v.Rows {
		val := r.PostFormValue("v." + row.Code)
		if val == "" {
			continue
		}
		t.Rows = append(t.Rows, []string{row.Code, val})
		t.Lines = append(t.Lines, len(t.Lines)+2)
	}
	res, err := s.checkedImport(r, t, v.Task.Period, r.PostFormValue("note"))
	return s.afterChecked(w, r, res, err, v.Task.Period)
}

func init() {
	registerUI(map[string][2]string{
		"form.title":  {"逐县填报：%s", "Fill in by county: %s"},
		"form.intro":  {"%s 期，截止 %s，由%s报送。只填写有变化或新报送的数值；留空的不提交。提交后执行与上传相同的检查和审核规则。", "%s, due %s, reported by %s. Fill in the figures to send; empty fields are not sent. They go through the same checks and rules as an upload."},
		"form.county": {"县区", "County"},
		"form.last":   {"上年（%s）", "Last year (%s)"},
		"form.now":    {"本期数值", "This period"},
		"form.submit": {"提交", "Send"},
	})
}
