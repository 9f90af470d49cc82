package web

import (
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/monitor"
	"github.com/qiangxian/qiangxian/internal/store"
)

// adoptionJSON is an adoption of collected figures as monitoring figures.
type adoptionJSON struct {
	ID        int64     `json:"id"`
	Period    string    `json:"period"`
	Stage     string    `json:"stage"`
	Revision  int64     `json:"revision"`
	Figures   int       `json:"figures"`
	Objected  int       `json:"objected"`
	AdoptedAt time.Time `json:"adopted_at"`
	AdoptedBy string    `json:"adopted_by"`
}

func adoptionOut(a store.Adoption) adoptionJSON {
	return adoptionJSON{ID: a.ID, Period: monitor.Period{Year: a.Year, Month: a.Month}.String(), Stage: a.Stage,
		Revision: a.Revision, Figures: a.Figures, Objected: a.Objected, AdoptedAt: a.At, AdoptedBy: a.By}
}

// monitorAdopt makes what the collection tasks of a period brought in its
// monitoring figures of a stage (the provincial office): {"period":
// "2023-03", "stage": "preliminary" | "final"}. Figures under a county's
// objection are left out and counted; the other stage is untouched. 201
// with the adoption.
func (s *Server) monitorAdopt(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindMonitor}, "monitoring figures"); err != nil {
		return err
	}
	var req struct {
		Period string `json:"period"`
		Stage  string `json:"stage"`
	}
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	p, ok := monitor.ParsePeriod(req.Period)
	if !ok {
		return invalid("bad.period", req.Period)
	}
	a, err := s.db.AdoptMonitorFigures(r.Context(), c.actor(), p, req.Stage)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, adoptionOut(a))
	return nil
}
