package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

type statusRequest struct {
	Status  string `json:"status"` // confirmed (核对无误) or objected (异议)
	Note    string `json:"note"`
	Figures []struct {
		Unit      string `json:"unit"`
		Indicator string `json:"indicator"`
		Period    string `json:"period"`
	} `json:"figures"`
}

// observationStatus records, as one revision, that a county (or its
// prefecture) confirms figures or objects to them; the values stay as they
// are. Each figure is checked with auth.Can against its unit and indicator.
func (s *Server) observationStatus(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() {
		return errorf(EUnauthenticated, "web.unauthenticated")
	}
	var req statusRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	action, kind := auth.Confirm, "confirmation"
	switch store.Status(req.Status) {
	case store.StatusConfirmed:
	case store.StatusObjected:
		action, kind = auth.Object, "objection"
	default:
		return invalid("bad.obsStatus", req.Status)
	}
	keys := make([]store.ObservationKey, 0, len(req.Figures))
	for _, f := range req.Figures {
		res, err := s.figureResource(r.Context(), f.Unit, f.Indicator)
		if err != nil {
			return err
		}
		if err := require(c, action, res, "figure "+f.Unit+" "+f.Indicator); err != nil {
			return err
		}
		keys = append(keys, store.ObservationKey{Unit: f.Unit, Indicator: f.Indicator, Period: f.Period})
	}
	rev, err := s.db.SetStatus(r.Context(), c.actor(), store.RevisionNote{Kind: kind, Source: "api", Note: req.Note},
		keys, store.Status(req.Status), req.Note)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, revisionOut(rev))
	return nil
}
