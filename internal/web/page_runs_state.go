package web

import (
	"fmt"
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// runsState moves a run to the state of the form's "state" field (the
// next one, or back to draft), as the API's transitions do (Server.moveRun).
// It goes back to the list.
func (s *Server) runsState(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	to := auth.RunState(r.PostFormValue("state"))
	if !to.Valid() {
		return invalid("bad.runState", to, auth.RunStates)
	}
	run, err := s.readableRun(r, id)
	if err != nil {
		return err
	}
	if _, err := s.moveRun(r, c, run, to, r.PostFormValue("note"), formApproval(r)); err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/runs?done=%d", id), http.StatusSeeOther)
	return nil
}

// formApproval is the approval record of a form's fields meeting,
// minute_no and meeting_date; nil when the form has none.
func formApproval(r *http.Request) *approvalRequest {
	if r.PostFormValue("meeting") == "" && r.PostFormValue("minute_no") == "" {
		return nil
	}
	return &approvalRequest{Meeting: r.PostFormValue("meeting"), MinuteNo: r.PostFormValue("minute_no"),
		Date: r.PostFormValue("meeting_date")}
}
