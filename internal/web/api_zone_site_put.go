package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/zone"
)

// zoneSitePut is PUT /api/v1/zones/{code}/site: the office (administrators
// and analysts, auth.CanZone) sets a zone's ready sites, replacing what
// was there. Prices need their day and source (422 otherwise).
func (s *Server) zoneSitePut(w http.ResponseWriter, r *http.Request) error {
	if err := requireZone(r, auth.Write); err != nil {
		return err
	}
	var req zoneSiteJSON
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	code := r.PathValue("code")
	if req.Zone != "" && req.Zone != code {
		return invalid("bad.zoneMismatch", req.Zone, code)
	}
	site, err := req.site(code)
	if err != nil {
		return err
	}
	if err := s.db.PutZoneSites(r.Context(), callerOf(r).actor(), []zone.Site{site}); err != nil {
		return err
	}
	ss, err := s.db.ZoneSites(r.Context())
	if err != nil {
		return err
	}
	for _, x := range ss {
		if x.Zone == code {
			writeJSON(w, http.StatusOK, zoneSiteOut(x))
			return nil
		}
	}
	return notFound("zone site " + code)
}
