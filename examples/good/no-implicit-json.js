// The same widget, looking at each response before parsing it: an HTML error page now fails with
// the status and the URL, and a non-JSON body says so.
export async function getForecast(city) {
  const url = `https://weather.example.com/forecast?city=${encodeURIComponent(city)}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!res.headers.get('content-type')?.includes('application/json')) {
    throw new Error(`HTTP ${res.status} from ${url} is not JSON`);
  }
  const forecast = await res.json();
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}: ${forecast.message}`);
  return forecast;
}

export const getAlerts = (region) => {
  const url = `https://weather.example.com/alerts/${region}`;
  return fetch(url, { signal: AbortSignal.timeout(5000) }).then((res) => {
    if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
    if (!res.headers.get('content-type')?.includes('json')) throw new Error(`${url} did not answer JSON`);
    return res.json();
  });
};
