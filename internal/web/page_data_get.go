package web

import "net/http"

// dataGet is the data page (/data?period=): the template download, the
// import form, the revision history and who has supplied what for the
// period, for those who may read figures (each within her scope).
func (s *Server) dataGet(w http.ResponseWriter, r *http.Request) error {
	v := &dataView{Period: r.URL.Query().Get("period"), Imported: r.URL.Query().Get("imported")}
	if err := s.buildData(r, v); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "data", v)
	return nil
}
