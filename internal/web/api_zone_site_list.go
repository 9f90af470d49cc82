package web

import (
	"math"
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zone"
)

// zoneSiteJSON is a zone's ready sites in the API: numbers null when not
// reported, the prices' day as YYYY-MM-DD ("" when none).
type zoneSiteJSON struct {
	Zone       string     `json:"zone,omitempty"`
	LandMu     *float64   `json:"land_mu"`
	FactoryM2  *float64   `json:"factory_m2"`
	WaterPrice *float64   `json:"water_price"`
	PowerPrice *float64   `json:"power_price"`
	GasPrice   *float64   `json:"gas_price"`
	PriceDate  string     `json:"price_date"`
	Source     string     `json:"source"`
	Note       string     `json:"note"`
	Example    bool       `json:"example"`
	UpdatedAt  *time.Time `json:"updated_at,omitempty"`
	UpdatedBy  string     `json:"updated_by,omitempty"`
}

func numPtr(v float64) *float64 {
	if math.IsNaN(v) {
		return nil
	}
	return &v
}

func numOfPtr(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}

func zoneSiteOut(s store.ZoneSite) zoneSiteJSON {
	out := zoneSiteJSON{Zone: s.Zone, LandMu: numPtr(s.LandMu), FactoryM2: numPtr(s.FactoryM2), WaterPrice: numPtr(s.WaterPrice),
		PowerPrice: numPtr(s.PowerPrice), GasPrice: numPtr(s.GasPrice), Source: s.Source, Note: s.Note, Example: s.Example,
		UpdatedAt: &s.UpdatedAt, UpdatedBy: s.UpdatedBy}
	if !s.PriceDate.IsZero() {
		out.PriceDate = s.PriceDate.Format(time.DateOnly)
	}
	return out
}

// site turns a request's figures into a zone.Site of code.
func (j zoneSiteJSON) site(code string) (zone.Site, error) {
	s := zone.Site{Zone: code, LandMu: numOfPtr(j.LandMu), FactoryM2: numOfPtr(j.FactoryM2), WaterPrice: numOfPtr(j.WaterPrice),
		PowerPrice: numOfPtr(j.PowerPrice), GasPrice: numOfPtr(j.GasPrice), Source: j.Source, Note: j.Note, Example: j.Example}
	if j.PriceDate != "" {
		d, err := time.Parse(time.DateOnly, j.PriceDate)
		if err != nil {
			return s, invalid("bad.priceDate", j.PriceDate)
		}
		s.PriceDate = d
	}
	return s, nil
}

// zoneSiteList is GET /api/v1/zones/sites: every zone's ready sites
// (industrial land in 亩, standard factory floor in m², water, electricity
// and gas prices with their day and source), by zone. Public, as the
// investment map is.
func (s *Server) zoneSiteList(w http.ResponseWriter, r *http.Request) error {
	if err := requireZone(r, auth.Read); err != nil {
		return err
	}
	ss, err := s.db.ZoneSites(r.Context())
	if err != nil {
		return err
	}
	out := make([]zoneSiteJSON, 0, len(ss))
	for _, x := range ss {
		out = append(out, zoneSiteOut(x))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
