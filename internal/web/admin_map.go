package web

import (
	"errors"
	"github.com/qiangxian/qiangxian/internal/geomap"
	"io"
	"net/http"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

func init() {
	registerUI(map[string][2]string{
		"amap.title":    {"地图设置", "Map settings"},
		"amap.current":  {"当前地图", "Current map"},
		"amap.grid":     {"方块地图（默认，不含边界数据）", "Tile map (the default; no boundaries)"},
		"amap.geo":      {"边界地图 %s：%d 个要素，%s 由 %s 上传", "Boundary map %s: %d features, uploaded %s by %s"},
		"amap.upload":   {"上传官方边界 GeoJSON", "Upload the official boundary GeoJSON"},
		"amap.help":     {"要素须带 6 位区划代码（属性 adcode、code 或 id），坐标为 CGCS2000 或 WGS84 经纬度。公开使用的地图须有审图号。", "Features need a 6-digit division code (property adcode, code or id) and CGCS2000 or WGS84 longitude/latitude. Maps shown in public need an approval number (审图号)."},
		"amap.file":     {"GeoJSON 文件", "GeoJSON file"},
		"amap.submit":   {"上传并检查", "Upload and check"},
		"amap.reset":    {"恢复方块地图", "Back to the tile map"},
		"amap.saved":    {"已保存：%d 个县区有边界。", "Saved: %d counties have boundaries."},
		"amap.rejected": {"文件未保存，请修改后重新上传：", "The file was not saved; fix it and upload again:"},
		"amap.missing":  {"缺少边界的县区（在地图上不显示）", "Counties without a boundary (not drawn)"},
		"amap.unknown":  {"未知代码（不是本系统的单位）", "Unknown codes (no unit of this system)"},
		"amap.other":    {"非县级单位（作为底图绘制）", "Not counties (drawn as background)"},
		"amap.noCounty": {"文件中没有任何县区的代码。", "The file has no county's code."},
		"amap.resetOK":  {"已恢复方块地图。", "Back to the tile map."},
		"amap.tooBig":   {"文件超过 %d 字节的上限（配置项 limits.geojson_bytes），未保存。", "The file is over the limit of %d bytes (setting limits.geojson_bytes); not saved."},
		"amap.preview":  {"预览", "Preview"},
	})
}

// adminMapView is the data of /admin/map.
type adminMapView struct {
	Current *store.GeoMap // nil or empty GeoJSON: the tile map
	Report  *geomap.Report
	Errors  []string
	Saved   bool
	Reset   bool
	Map     *mapView
}

// adminMapGet shows the map in force and the upload form (administrators only).
func (s *Server) adminMapGet(w http.ResponseWriter, r *http.Request) error {
	return s.renderAdminMap(w, r, http.StatusOK, adminMapView{})
}

// adminMapPost stores an uploaded boundary map after checking it — every
// feature has a 6-digit code and longitude/latitude, at least one is a
// county — and reports the counties it lacks and the codes it does not
// know; or, with reset, goes back to the tile map.
func (s *Server) adminMapPost(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindSystem}, "map"); err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)
	if r.PostFormValue("reset") != "" {
		if _, err := s.db.PutGeoJSON(r.Context(), c.actor(), "", nil, 0); err != nil {
			return err
		}
		return s.renderAdminMap(w, r, http.StatusOK, adminMapView{Reset: true})
	}
	f, hdr, err := r.FormFile("geojson")
	if err != nil {
		return invalidErr(err, "bad.geojsonFile")
	}
	defer f.Close()
	lim := s.cfg.Limits.GeoJSONBytes
	data, err := io.ReadAll(io.LimitReader(f, lim+1))
	if err != nil {
		return err
	}
	if int64(len(data)) > lim {
		// Refused before parsing: decoded GeoJSON takes several times its size.
		v := adminMapView{Errors: []string{ui(pageLang(r), "amap.tooBig", lim)}}
		return s.renderAdminMap(w, r, http.StatusRequestEntityTooLarge, v)
	}
	v, err := s.checkMap(r, data)
	if err != nil || len(v.Errors) > 0 {
		if err == nil {
			err = s.renderAdminMap(w, r, http.StatusUnprocessableEntity, v)
		}
		return err
	}
	if _, err := s.db.PutGeoJSON(r.Context(), c.actor(), hdr.Filename, data, v.Report.Features); err != nil {
		return err
	}
	v.Saved = true
	return s.renderAdminMap(w, r, http.StatusOK, v)
}

// checkMap parses an upload and compares it with the unit catalogue.
func (s *Server) checkMap(r *http.Request, data []byte) (adminMapView, error) {
	shapes, perr := geomap.Parse(data)
	v := adminMapView{}
	if perr != nil {
		for _, e := range strings.Split(perr.Error(), "\n") {
			v.Errors = append(v.Errors, e)
		}
		return v, nil
	}
	units, err := s.db.Units(r.Context(), store.UnitFilter{})
	if err != nil {
		return v, err
	}
	counties, others := map[string]string{}, map[string]string{}
	for _, u := range units {
		if u.Kind == store.UnitCounty {
			counties[u.Code] = u.Name
		} else {
			others[u.Code] = u.Name
		}
	}
	rep := geomap.Coverage(shapes, counties, others)
	v.Report = &rep
	if rep.Counties == 0 {
		v.Errors = append(v.Errors, ui(pageLang(r), "amap.noCounty"))
	}
	return v, nil
}

// renderAdminMap shows the page with the map in force, drawn.
func (s *Server) renderAdminMap(w http.ResponseWriter, r *http.Request, status int, v adminMapView) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindSystem}, "map"); err != nil {
		return err
	}
	g, err := s.db.GeoJSON(r.Context())
	switch {
	case err == nil && len(g.GeoJSON) > 0:
		g.GeoJSON = nil // not needed by the page
		v.Current = &g
	case err != nil && !errors.Is(err, store.ErrNotFound):
		return err
	}
	if v.Map, err = s.countyMap(r.Context(), pageLang(r), nil); err != nil {
		return err
	}
	s.render(w, r, status, "admin_map", v)
	return nil
}
