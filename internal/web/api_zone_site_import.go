package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/zone"
)

// zoneSiteImport is POST /api/v1/zones/sites/import: the office uploads a
// sites table (multipart field file, .xlsx or .csv, at most MaxUpload
// bytes and read within the server's table limits; ?sheet= or form field sheet picks a worksheet):
// zone, land_mu, factory_m2, water_price, power_price, gas_price,
// price_date, source, note (zone.ReadSites). All or nothing: a bad cell is
// 422 with every problem located, an unknown zone 422 too.
func (s *Server) zoneSiteImport(w http.ResponseWriter, r *http.Request) error {
	if err := requireZone(r, auth.Write); err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)
	t, done, err := s.readUpload(w, r)
	defer done()
	if err != nil {
		return err
	}
	ss, err := zone.ReadSites(t)
	if err != nil {
		return err
	}
	if err := s.db.PutZoneSites(r.Context(), callerOf(r).actor(), ss); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]int{"zones": len(ss)})
	return nil
}
