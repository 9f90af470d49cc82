package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

type resultObjectionRequest struct {
	Unit          string `json:"unit"`
	Reason        string `json:"reason"`
	Attachment    string `json:"attachment"`
	Channel       string `json:"channel"`        // letter or phone
	SubmitterKind string `json:"submitter_kind"` // unit or person
	Submitter     string `json:"submitter"`      // the unit's name, or the person's real name
	Letter        string `json:"letter"`         // a unit's stamped letter: its reference
}

// resultObjectionCreate is POST /api/v1/runs/{id}/objections: the office
// registers an objection to a unit's result that arrived by letter or
// phone during the run's 公示 window — a unit's with its stamped letter, a
// person's with her real name (issue 12: no anonymous web form); outside
// the window the answer is 409 with the window's days.
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
		return store.ResultObjection{}, invalid("bad.unitMissing")
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
		Reason: req.Reason, Attachment: req.Attachment, Channel: req.Channel, SubmitterKind: req.SubmitterKind,
		Submitter: req.Submitter, Letter: req.Letter})
	return o, windowError(err)
}
