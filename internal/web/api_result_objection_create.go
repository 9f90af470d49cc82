package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

type resultObjectionRequest struct {
	Unit       string `json:"unit"`
	Reason     string `json:"reason"`
	Attachment string `json:"attachment"`
}

// resultObjectionCreate is POST /api/v1/runs/{id}/objections: a county (or
// its prefecture's reviewer) objects to its result in a run during the
// run's 公示 window; outside it the answer is 409 with the window's days.
func (s *Server) resultObjectionCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req resultObjectionRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	o, err := s.raiseResultObjection(r, id, req)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, resultObjectionOut(o))
	return nil
}

// raiseResultObjection checks that the caller may object for req.Unit to run id
// and records the objection; the API and the county page share it.
func (s *Server) raiseResultObjection(r *http.Request, id int64, req resultObjectionRequest) (store.ResultObjection, error) {
	c := callerOf(r)
	run, err := s.readableRun(r, id)
	if err != nil {
		return store.ResultObjection{}, err
	}
	if req.Unit == "" {
		return store.ResultObjection{}, invalid("unit is missing")
	}
	res, err := s.unitResource(r.Context(), auth.KindResult, req.Unit)
	if err != nil {
		return store.ResultObjection{}, err
	}
	res.RunState, res.Visibility = run.State, run.Visibility
	// The permission does not depend on the state (the store checks the
	// window, with a clearer answer), so ask as if objections were open.
	open := res
	open.RunState = auth.StateNotice
	if err := require(c, auth.Object, open, "object to the results of "+req.Unit); err != nil {
		return store.ResultObjection{}, err
	}
	o, err := s.db.RaiseResultObjection(r.Context(), c.actor(), store.NewResultObjection{RunID: id, Unit: req.Unit,
		Reason: req.Reason, Attachment: req.Attachment})
	return o, windowError(err)
}
