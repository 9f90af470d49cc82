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
	// Problems are many per unit (a province's open ones run to
	// thousands), units a hundred or so: each unit's prefecture is looked
	// up once.
	may := map[string]bool{}
	for _, p := range ps {
		ok, seen := may[p.Unit]
		if !seen {
			res, err := s.unitResource(r.Context(), auth.KindProblem, p.Unit)
			if err != nil {
				return nil, err
			}
			ok = auth.Can(c.principal(), auth.Read, res)
			may[p.Unit] = ok
		}
		if ok {
			out = append(out, p)
		}
	}
	return out, nil
}
