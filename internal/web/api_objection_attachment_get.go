package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// attachmentGet downloads an attachment of an objection or an event, to
// those who may read the objection's figure or the event; to others it
// does not exist (404).
func (s *Server) attachmentGet(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() {
		return deny(c, "read attachments")
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	a, err := s.db.Attachment(r.Context(), id)
	if err != nil {
		return err
	}
	var res auth.Resource
	switch a.Entity {
	case "objection":
		oid, _ := strconv.ParseInt(a.EntityID, 10, 64)
		o, err := s.db.FigureObjection(r.Context(), oid)
		if err != nil {
			return err
		}
		if res, err = s.figureResource(r.Context(), o.Unit, o.Indicator); err != nil {
			return err
		}
	case "event":
		e, err := s.eventByKey(r, a.EntityID)
		if err != nil {
			return err
		}
		if res, err = s.eventResource(r, e); err != nil {
			return err
		}
	}
	if res.Kind == "" || !auth.Can(c.principal(), auth.Read, res) {
		return notFound("attachment")
	}
	w.Header().Set("Content-Type", a.ContentType)
	w.Header().Set("Content-Disposition", `attachment; filename*=UTF-8''`+url.PathEscape(a.Name))
	w.Header().Set("Content-Length", strconv.Itoa(len(a.Content)))
	w.Write(a.Content)
	return nil
}

// eventByKey returns the latest version of the event with key, retracted
// or not.
func (s *Server) eventByKey(r *http.Request, key string) (store.Event, error) {
	es, err := s.db.Events(r.Context(), store.EventFilter{IncludeRetracted: true})
	if err != nil {
		return store.Event{}, err
	}
	for _, e := range es {
		if e.Key == key {
			return e, nil
		}
	}
	return store.Event{}, notFound("event " + key)
}

// eventResource describes an event for auth.Can.
func (s *Server) eventResource(r *http.Request, e store.Event) (auth.Resource, error) {
	res, err := s.unitResource(r.Context(), auth.KindEvent, e.Unit)
	res.Department = e.Department
	return res, err
}
