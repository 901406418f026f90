// A weather widget that parses every answer as JSON: when the API's load balancer answers with an
// HTML 502 page, the widget fails with "Unexpected token '<'" and nothing says which request broke.
export async function getForecast(city) {
  const res = await fetch(`https://weather.example.com/forecast?city=${encodeURIComponent(city)}`, {
    signal: AbortSignal.timeout(5000),
  });
  const forecast = await res.json();
  if (!res.ok) throw new Error(forecast.message);
  return forecast;
}

export const getAlerts = (region) =>
  fetch(`https://weather.example.com/alerts/${region}`, { signal: AbortSignal.timeout(5000) }).then((res) =>
    res.json(),
  );
