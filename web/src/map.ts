import L from 'leaflet';
import 'leaflet.markercluster';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-50m.json';
import type { EventRow } from './api.ts';
import { TYPE_COLOURS } from './taxonomy.ts';

/**
 * The map: Natural Earth countries from an npm package as the only basemap (no tile server, so it
 * works offline), events as circles coloured by type and sized by fatalities, clustered when dense.
 * A site is a solid circle, a point near a town a lighter one, a region's centre a dashed ring.
 */
export class EventMap {
  private readonly map: L.Map;
  private readonly clusters: L.MarkerClusterGroup;

  constructor(element: HTMLElement, private readonly onSelect: (id: string) => void) {
    // No tile layer sets the zoom range, and clustering needs one.
    this.map = L.map(element, { zoomControl: true, attributionControl: true, preferCanvas: true, worldCopyJump: true, minZoom: 2, maxZoom: 13 }).setView([29, 40], 4);
    const topology = countries as unknown as Topology<{ countries: GeometryCollection }>;
    L.geoJSON(feature(topology, topology.objects.countries) as unknown as GeoJSON.FeatureCollection, {
      style: { color: '#8a8f98', weight: 0.8, fillColor: '#eef0f2', fillOpacity: 1 },
      interactive: false,
    }).addTo(this.map);
    this.map.attributionControl.addAttribution('Natural Earth; event data: Marsad');
    this.clusters = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 40, disableClusteringAtZoom: 9 });
    this.map.addLayer(this.clusters);
  }

  show(events: readonly EventRow[]): number {
    this.clusters.clearLayers();
    const markers: L.Layer[] = [];
    for (const e of events) {
      if (e.latitude === null || e.longitude === null) continue;
      const colour = TYPE_COLOURS[e.event_type] ?? '#555';
      const precise = e.geo_precision ?? 3;
      const marker = L.circleMarker([e.latitude, e.longitude], {
        radius: 5 + Math.min(14, Math.sqrt(e.fatalities ?? 0) * 2.2),
        color: colour,
        weight: precise === 3 ? 2 : 1,
        dashArray: precise === 3 ? '3 3' : undefined,
        fillColor: colour,
        fillOpacity: precise === 1 ? 0.85 : precise === 2 ? 0.45 : 0.08,
      });
      marker.bindTooltip(`${e.event_date ?? 'undated'} · ${e.sub_event_type} · ${e.location ?? e.country ?? ''}${e.fatalities ? ` · ${e.fatalities} killed` : ''}`);
      marker.on('click', () => this.onSelect(e.event_id_cnty));
      (marker as L.CircleMarker & { eventId?: string }).eventId = e.event_id_cnty;
      markers.push(marker);
    }
    this.clusters.addLayers(markers);
    return markers.length;
  }

  focus(event: { latitude: number | null; longitude: number | null }): void {
    if (event.latitude !== null && event.longitude !== null) this.map.setView([event.latitude, event.longitude], Math.max(this.map.getZoom(), 9));
  }

  resize(): void {
    this.map.invalidateSize();
  }
}

export function legend(element: HTMLElement): void {
  const types = Object.entries(TYPE_COLOURS)
    .map(([type, colour]) => `<li><span class="swatch" style="background:${colour}"></span>${type}</li>`)
    .join('');
  element.innerHTML = `<ul class="legend-types">${types}</ul>
    <ul class="legend-precision"><li><span class="ring solid"></span>town or site</li><li><span class="ring light"></span>near a town</li><li><span class="ring dashed"></span>region's centre</li><li>size: fatalities</li></ul>`;
}
