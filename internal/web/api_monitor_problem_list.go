package web

import (
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// monitorProblemList returns the problems of the 督办 loop the caller may
// read (the office all, a county its own, a prefecture its counties'),
// newest first; ?open=true leaves out the closed ones, ?unit= one unit's.
func (s *Server) monitorProblemList(w http.ResponseWriter, r *http.Request) error {
	c, q := callerOf(r), r.URL.Query()
	if err := require(c, auth.Read, ownScope(c, auth.KindProblem), "problems"); err != nil {
		return err
	}
	ps, err := s.readableProblems(r, store.ProblemFilter{Unit: q.Get("unit"), Open: q.Get("open") == "true"})
	if err != nil {
		return err
	}
	out := make([]problemJSON, len(ps))
	for i, p := range ps {
		out[i] = problemOut(p, time.Now())
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// readableProblems returns the problems f selects that the caller may
// read.
func (s *Server) readableProblems(r *http.Request, f store.ProblemFilter) ([]store.Problem, error) {
	ps, err := s.db.Problems(r.Context(), f)
	if err != nil {
		return nil, err
	}
	c := callerOf(r)
	out := ps[:0]
	for _, p := range ps {
		res, err := s.unitResource(r.Context(), auth.KindProblem, p.Unit)
		if err != nil {
			return nil, err
		}
		if auth.Can(c.principal(), auth.Read, res) {
			out = append(out, p)
		}
	}
	return out, nil
}
