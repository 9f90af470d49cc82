package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/evaluation"
)

type runRequest struct {
	Method      int64  `json:"method"`
	Period      string `json:"period"`
	Revision    int64  `json:"revision"`     // 0: the latest data
	PreviousRun int64  `json:"previous_run"` // 0: the latest published run of the previous year
	ParentRun   int64  `json:"parent_run"`
	Note        string `json:"note"`
}

// runCreate computes a run from the stored data with a stored method
// version and stores it in draft with its results. The computation runs
// within the request; a bad method or bad data is 422 with every problem.
func (s *Server) runCreate(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindRun, RunState: auth.StateDraft, Visibility: auth.VisNone}, "runs"); err != nil {
		return err
	}
	var req runRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	if _, err := s.db.Method(r.Context(), req.Method); err != nil {
		return err
	}
	run, err := evaluation.Compute(r.Context(), s.db, c.actor(), evaluation.ComputeRequest{MethodID: req.Method,
		Period: req.Period, Revision: req.Revision, PreviousRunID: req.PreviousRun, ParentRunID: req.ParentRun, Note: req.Note})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, runOut(run))
	return nil
}
