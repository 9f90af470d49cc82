package web

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// auditExport exports the audit log, oldest first, as JSON or, with
// ?format=csv, as a CSV file; filtered by ?username=, ?entity=,
// ?entity_id=, ?since= and ?until= (RFC 3339 or YYYY-MM-DD), and paged with
// ?after_id= and ?limit=. Administrators only.
func (s *Server) auditExport(w http.ResponseWriter, r *http.Request) error {
	if err := require(callerOf(r), auth.Read, auth.Resource{Kind: auth.KindAudit}, "audit log"); err != nil {
		return err
	}
	q := r.URL.Query()
	f := store.AuditFilter{Username: q.Get("username"), Entity: q.Get("entity"), EntityID: q.Get("entity_id")}
	var err error
	if f.Since, err = parseTime(q.Get("since")); err != nil {
		return err
	}
	if f.Until, err = parseTime(q.Get("until")); err != nil {
		return err
	}
	if f.AfterID, err = queryInt(r, "after_id"); err != nil {
		return err
	}
	limit, err := queryInt(r, "limit")
	if err != nil {
		return err
	}
	f.Limit = int(limit)
	entries, err := s.db.AuditLog(r.Context(), f)
	if err != nil {
		return err
	}
	if q.Get("format") == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="audit.csv"`)
		cw := csv.NewWriter(w)
		cw.Write([]string{"id", "at", "username", "action", "entity", "entity_id", "detail"})
		for _, e := range entries {
			cw.Write([]string{strconv.FormatInt(e.ID, 10), e.At.Format(time.RFC3339Nano), e.Username, e.Action,
				e.Entity, e.EntityID, string(e.Detail)})
		}
		cw.Flush()
		return nil
	}
	type auditJSON struct {
		ID       int64           `json:"id"`
		At       time.Time       `json:"at"`
		Username string          `json:"username"`
		Action   string          `json:"action"`
		Entity   string          `json:"entity"`
		EntityID string          `json:"entity_id"`
		Detail   json.RawMessage `json:"detail"`
	}
	out := make([]auditJSON, len(entries))
	for i, e := range entries {
		out[i] = auditJSON(e)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// parseTime reads RFC 3339 or a date (midnight UTC); "" is the zero time.
func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Time{}, invalid("bad.time", s)
}
