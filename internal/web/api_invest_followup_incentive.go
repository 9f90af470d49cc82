package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/followup"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
)

// investFollowupIncentive adds an item to a project's incentive ledger;
// the answer carries the fair-competition flag.
func (s *Server) investFollowupIncentive(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if _, _, err := s.followupRecord(r, id, auth.Write); err != nil {
		return err
	}
	var req struct {
		Kind      string   `json:"kind"`
		Content   string   `json:"content"`
		Amount    *float64 `json:"amount"`
		NamedFirm bool     `json:"named_firm"`
		Selective bool     `json:"selective"`
		Basis     string   `json:"basis"`
		Granted   string   `json:"granted"`
	}
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	granted, ok := invest.ParseDay(req.Granted)
	if !ok && req.Granted != "" {
		return invalid("bad.grantedDay", req.Granted)
	}
	in, err := s.db.AddFollowupIncentive(r.Context(), callerOf(r).actor(), store.FollowupIncentive{ProjectID: id, Content: req.Content,
		Amount: figuresIn(figuresJSON{Investment: req.Amount}).Investment, Incentive: followup.Incentive{Kind: followup.IncentiveKind(req.Kind),
			Specific: req.NamedFirm, Selective: req.Selective, Basis: req.Basis, Granted: granted}})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, incentiveOut(in))
	return nil
}
