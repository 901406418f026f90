// A user lookup that reports what the API answered. When the API cannot be reached (DNS failure,
// refused connection, timeout) axios has no response to attach, so the handler itself throws
// `TypeError: Cannot read properties of undefined (reading 'status')` and the real error is lost.
import axios from 'axios';

const users = axios.create({ baseURL: 'https://users.example.com', timeout: 5000 });

export async function findUser(id) {
  try {
    const { data } = await users.get(`/users/${id}`);
    return data;
  } catch (err) {
    if (err.response.status === 404) return null;
    console.error(`GET /users/${id} failed with ${err.response.status}`, err.response.data);
    throw err;
  }
}

export function renameUser(id, name) {
  return users.patch(`/users/${id}`, { name }).catch((err) => {
    const { status, data } = err.response;
    throw new Error(`PATCH /users/${id} failed with ${status}: ${JSON.stringify(data)}`, { cause: err });
  });
}
