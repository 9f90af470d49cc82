package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

type resultAnswerRequest struct {
	Outcome string `json:"outcome"` // upheld or rejected
	Answer  string `json:"answer"`
}

// resultObjectionAnswer is POST /api/v1/runs/{id}/objections/{oid}/answer:
// the provincial office answers an objection once, upheld or rejected,
// with its reasons.
func (s *Server) resultObjectionAnswer(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	oid, err := pathID(r, "oid")
	if err != nil {
		return err
	}
	var req resultAnswerRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	o, err := s.answerResultObjection(r, id, oid, req)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, resultObjectionOut(o))
	return nil
}

// answerResultObjection checks that the caller may answer objection oid of run
// id and records the answer; the API and the lifecycle page share it.
func (s *Server) answerResultObjection(r *http.Request, id, oid int64, req resultAnswerRequest) (store.ResultObjection, error) {
	c := callerOf(r)
	run, err := s.readableRun(r, id)
	if err != nil {
		return store.ResultObjection{}, err
	}
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindResult, RunState: run.State, Visibility: run.Visibility},
		"answer objections"); err != nil {
		return store.ResultObjection{}, err
	}
	o, err := s.db.ResultObjection(r.Context(), oid)
	if err != nil {
		return o, err
	}
	if o.RunID != id {
		return o, notFound("objection " + itoa(int(oid)) + " of run " + itoa(int(id)))
	}
	return s.db.AnswerResultObjection(r.Context(), c.actor(), oid, store.Outcome(req.Outcome), req.Answer)
}
