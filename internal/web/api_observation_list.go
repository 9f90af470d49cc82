package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/store"
)

// observationList returns figures as of a revision (?as_of=, newest when
// absent), filtered by ?unit=, ?indicator=, ?period= (repeated or
// comma-separated) and ?status=. Each caller sees her scope only: a
// department its indicators, a prefecture its units, a county its own; a
// filter naming something outside it is refused rather than emptied.
func (s *Server) observationList(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	asOf, err := queryInt(r, "as_of")
	if err != nil {
		return err
	}
	f := store.ObservationFilter{AsOf: asOf, Units: queryList(r, "unit"), Indicators: queryList(r, "indicator"),
		Periods: queryList(r, "period")}
	if f, err = s.figureScope(r, f); err != nil {
		return err
	}
	obs, err := s.db.Observations(ctx, f)
	if err != nil {
		return err
	}
	status := store.Status(r.URL.Query().Get("status"))
	out := make([]observationJSON, 0, len(obs))
	for _, o := range obs {
		if status == "" || o.Status == status {
			out = append(out, observationOut(o))
		}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
