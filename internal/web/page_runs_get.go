package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// runsGet lists the runs the caller may read, newest first, with the
// forms of what she may do to each (move it on, send it back to draft, set
// its visibility), a form to compare two runs and, for the provincial
// office, one to compute a new run.
func (s *Server) runsGet(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	runs, err := s.readableRuns(r, false)
	if err != nil {
		return err
	}
	v := &runsView{Done: r.URL.Query().Get("done"), Created: r.URL.Query().Get("created"),
		CanCreate: auth.Can(c.principal(), auth.Write, auth.Resource{Kind: auth.KindRun, RunState: auth.StateDraft, Visibility: auth.VisNone})}
	methods := map[int64]store.Method{}
	if auth.Can(c.principal(), auth.Read, auth.Resource{Kind: auth.KindMethod}) {
		if v.Methods, err = s.db.Methods(r.Context()); err != nil {
			return err
		}
		for _, m := range v.Methods {
			methods[m.ID] = m
		}
	}
	for _, run := range runs {
		v.Rows = append(v.Rows, newRunRow(c.principal(), run, methods))
	}
	if len(runs) > 1 {
		v.A, v.B = runs[1].ID, runs[0].ID
	}
	if v.CanCreate {
		if v.Periods, err = s.periodCodes(r); err != nil {
			return err
		}
	}
	s.render(w, r, http.StatusOK, "runs", v)
	return nil
}
