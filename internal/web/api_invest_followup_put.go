package web

import (
	"math"
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/followup"
	"github.com/qiangxian/qiangxian/internal/store"
)

// followupPutRequest sets a project's 标准地 terms (when given) and
// writes years of commitments or actuals (each replaces its year and
// side; a figure left out or null is not given).
type followupPutRequest struct {
	Terms *termsJSON `json:"terms"`
	Years []struct {
		Year int    `json:"year"`
		Side string `json:"side"` // commit or actual
		figuresJSON
	} `json:"years"`
}

// investFollowupPut records a signed project's terms, commitments and
// actuals: the provincial office, or the project's county.
func (s *Server) investFollowupPut(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if _, _, err := s.followupRecord(r, id, auth.Write); err != nil {
		return err
	}
	var req followupPutRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	actor := callerOf(r).actor()
	if req.Terms != nil {
		if err := s.db.PutFollowupTerms(r.Context(), actor, id, followup.Terms(*req.Terms)); err != nil {
			return err
		}
	}
	if len(req.Years) > 0 {
		ys := make([]store.FollowupYear, len(req.Years))
		for i, y := range req.Years {
			ys[i] = store.FollowupYear{Year: y.Year, Side: y.Side, Figures: figuresIn(y.figuresJSON)}
		}
		if err := s.db.PutFollowupYears(r.Context(), actor, id, ys); err != nil {
			return err
		}
	}
	return s.investFollowupGet(w, r)
}

// figuresIn reads figures; a null is NaN (not given).
func figuresIn(f figuresJSON) followup.Figures {
	v := func(p *float64) float64 {
		if p == nil {
			return math.NaN()
		}
		return *p
	}
	return followup.Figures{Investment: v(f.Investment), Tax: v(f.Tax), Output: v(f.Output), Jobs: v(f.Jobs), Energy: v(f.Energy)}
}
