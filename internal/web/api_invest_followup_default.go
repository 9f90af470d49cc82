package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
)

// investFollowupDefault records a default action (催告, 违约金, 追回奖补,
// 收回土地) taken against a project.
func (s *Server) investFollowupDefault(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if _, _, err := s.followupRecord(r, id, auth.Write); err != nil {
		return err
	}
	var req struct {
		Day    string   `json:"day"`
		Action string   `json:"action"`
		Amount *float64 `json:"amount"`
		Note   string   `json:"note"`
	}
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	d, ok := invest.ParseDay(req.Day)
	if !ok {
		return invalid("bad.day", req.Day)
	}
	out, err := s.db.AddFollowupDefault(r.Context(), callerOf(r).actor(), store.FollowupDefault{ProjectID: id, Day: d, Action: req.Action,
		Amount: figuresIn(figuresJSON{Investment: req.Amount}).Investment, Note: req.Note})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, defaultOut(out))
	return nil
}
