package web

import (
	"math"
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

type eventsRequest struct {
	Note   string      `json:"note"`
	Events []eventJSON `json:"events"`
}

// eventCreate records events (new ones, new versions with the same key, or
// retractions) as one revision. A department may record only events it
// reports itself, checked with auth.Can for each event.
func (s *Server) eventCreate(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, ownScope(c, auth.KindEvent), "events"); err != nil {
		return err
	}
	var req eventsRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	events := make([]store.Event, len(req.Events))
	for i, e := range req.Events {
		res, err := s.unitResource(r.Context(), auth.KindEvent, e.Unit)
		if err != nil {
			return err
		}
		res.Department = e.Department
		if err := require(c, auth.Write, res, "event of "+e.Department); err != nil {
			return err
		}
		date, err := parseDay(e.Date)
		if err != nil {
			return err
		}
		points := math.NaN()
		if e.Points != nil {
			points = float64(*e.Points)
		}
		events[i] = store.Event{Key: e.Key, Unit: e.Unit, Date: date, Type: e.Type, Department: e.Department,
			Document: e.Document, Points: points, Note: e.Note, Retracted: e.Retracted}
	}
	rev, saved, err := s.db.RecordEvents(r.Context(), c.actor(), store.RevisionNote{Kind: "events", Source: "api", Note: req.Note}, events)
	if err != nil {
		return err
	}
	out := make([]eventJSON, len(saved))
	for i, e := range saved {
		out[i] = eventOut(e)
	}
	writeJSON(w, http.StatusCreated, map[string]any{"revision": revisionOut(rev), "events": out})
	return nil
}
